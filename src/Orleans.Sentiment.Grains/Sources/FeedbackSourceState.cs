using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Alerts;
using Orleans.Sentiment.Grains.Windows;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>Everything a source keeps between activations, written once per delivered batch. Its alert policy and alert state are its alert grain's.</summary>
[GenerateSerializer, Alias("sentiment.FeedbackSourceState")]
public sealed class FeedbackSourceState
{
    [Id(1)]
    public RollingWindow Window { get; set; } = new(AlertPolicy.Default.WindowSize);

    [Id(2)]
    public RecentComments Recent { get; set; } = new();

    [Id(3)]
    public RecentIds SeenIds { get; set; } = new();

    /// <summary>
    /// The alert policy of a source stored by an earlier version, which kept its policy, alert state and last message
    /// here (with <see cref="FormerAlerts"/> and <see cref="FormerLastNotification"/>): on activation they go to the
    /// alert grain and are cleared. Null otherwise.
    /// </summary>
    [Id(0)]
    public AlertPolicy? FormerPolicy { get; set; }

    [Id(4)]
    public AlertStateMachine? FormerAlerts { get; set; }

    [Id(5)]
    public AlertNotification? FormerLastNotification { get; set; }

    /// <summary>The models the policy chose for this source's comments; null: every configured model.</summary>
    [Id(6)]
    public IReadOnlyList<string>? Models { get; set; }

    /// <summary>The model whose <see cref="WatchLabel"/> share the window counts instead of the negative share; null: negative.</summary>
    [Id(7)]
    public string? WatchModel { get; set; }

    [Id(8)]
    public string? WatchLabel { get; set; }

    /// <summary>The source's time, following its comments' timestamps.</summary>
    [Id(9)]
    public SourceClock Clock { get; set; } = new();

    /// <summary>The policy has every model label comments in languages it does not read.</summary>
    [Id(10)]
    public bool IncludeUnsupportedLanguages { get; set; }
}
