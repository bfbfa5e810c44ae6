namespace Orleans.Sentiment.Contracts;

/// <summary>What became of an alert message.</summary>
public enum AlertDelivery
{
    /// <summary>Waiting in the source's outbox, or being retried.</summary>
    Pending,

    /// <summary>The webhook accepted it.</summary>
    Sent,

    /// <summary>Every attempt failed, or the delivery deadline passed.</summary>
    Failed,

    /// <summary>A newer message of the same source replaced it before it was sent (the outbox coalesces).</summary>
    Superseded,

    /// <summary>No webhook is configured: the alert was only logged and counted.</summary>
    Logged,
}

/// <summary>One entry of a source's alert history; the comment texts never appear in it.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.AlertRecord")]
public sealed record AlertRecord(
    [property: Id(0)] long Sequence,
    [property: Id(1)] AlertKind Kind,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] int NegativeCount,
    [property: Id(4)] int Count,
    [property: Id(5)] int WindowSize,
    [property: Id(6)] double Threshold,
    [property: Id(7)] AlertDelivery Delivery,
    [property: Id(8)] int Attempts,
    [property: Id(9)] DateTimeOffset? DeliveredAt)
{
    /// <summary>The model whose label the alert is about; null: the source's window model.</summary>
    [Id(10)]
    public string? Model { get; init; }

    /// <summary>The label whose share spiked or recovered; <see cref="NegativeCount"/> counts it.</summary>
    [Id(11)]
    public string Label { get; init; } = "negative";

    [Id(12)]
    public SpikeDetector Detector { get; init; }

    /// <summary>The source's long-run share of the label at the time; null before it learnt any.</summary>
    [Id(13)]
    public double? Baseline { get; init; }

    /// <summary>The themes of the spike's comments, largest first, without comment text; empty for recoveries.</summary>
    [Id(14)]
    public IReadOnlyList<AlertTheme> Themes { get; init; } = [];
}
