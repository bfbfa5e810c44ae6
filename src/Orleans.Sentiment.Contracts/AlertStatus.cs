namespace Orleans.Sentiment.Contracts;

/// <summary>
/// What a source's alert grain answers its source grain: whether the source alerts (the state last announced), whether
/// it must keep being evaluated without new comments (while it alerts or its negative share is over the threshold, time
/// alone can change the decision, as when a cooldown ends), and the window its policy asks for.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.AlertStatus")]
public sealed record AlertStatus(
    [property: Id(0)] bool Alerting,
    [property: Id(1)] bool KeepEvaluating,
    [property: Id(2)] WindowSettings Window)
{
    /// <summary>Spikes this evaluation raised: the source groups their label's comments into themes and attaches them (<see cref="IAlertGrain.AttachThemesAsync"/>).</summary>
    [Id(3)]
    public IReadOnlyList<RaisedSpike> NewSpikes { get; init; } = [];
}

/// <summary>A spike just raised, by its message sequence, and the label it is about (model null: the source's window model).</summary>
[GenerateSerializer, Immutable, Alias("sentiment.RaisedSpike")]
public sealed record RaisedSpike([property: Id(0)] long Sequence, [property: Id(1)] string? Model, [property: Id(2)] string Label);

/// <summary>
/// The window a source keeps for its alert policy: its last <see cref="Size"/> comments, only those of the last
/// <see cref="Duration"/> when one is set, exported as per-source metrics when <see cref="ExportMetrics"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.WindowSettings")]
public sealed record WindowSettings(
    [property: Id(0)] int Size,
    [property: Id(1)] TimeSpan? Duration,
    [property: Id(2)] bool ExportMetrics);
