using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>Everything a source's alert grain keeps: policy, decisions and outbox, written together so none runs ahead of the others.</summary>
[GenerateSerializer, Alias("sentiment.AlertGrainState")]
public sealed class AlertGrainState
{
    [Id(0)]
    public AlertOutbox Outbox { get; set; } = new();

    /// <summary>Null until a policy is set or handed over: <see cref="AlertPolicy.Default"/> applies.</summary>
    [Id(1)]
    public AlertPolicy? Policy { get; set; }

    /// <summary>The decisions of the policy's main share.</summary>
    [Id(2)]
    public AlertStateMachine Decisions { get; set; } = new();

    /// <summary>The decisions of each further watched label, by watch key; null until one is watched.</summary>
    [Id(3)]
    public Dictionary<string, AlertStateMachine>? WatchDecisions { get; set; }
}
