using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Alerts;
using Orleans.Sentiment.Grains.Windows;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>Everything a source keeps between activations, written once per delivered batch.</summary>
[GenerateSerializer, Alias("sentiment.FeedbackSourceState")]
public sealed class FeedbackSourceState
{
    [Id(0)]
    public AlertPolicy Policy { get; set; } = AlertPolicy.Default;

    [Id(1)]
    public RollingWindow Window { get; set; } = new(AlertPolicy.Default.WindowSize);

    [Id(2)]
    public RecentComments Recent { get; set; } = new();

    [Id(3)]
    public RecentIds SeenIds { get; set; } = new();

    [Id(4)]
    public AlertStateMachine Alerts { get; set; } = new();

    /// <summary>The last alert message handed on, re-sent on activation in case a crash came before the alert grain took it.</summary>
    [Id(5)]
    public AlertNotification? LastNotification { get; set; }
}
