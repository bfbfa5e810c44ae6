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

    [Id(2)]
    public AlertStateMachine Decisions { get; set; } = new();
}
