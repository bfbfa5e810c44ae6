using Orleans.Sentiment.Training.Engines;
using Orleans.Sentiment.Training.Evaluation;

namespace Orleans.Sentiment.Training;

/// <summary>What a training run did: data counts, the training result, and held-out scores when asked for.</summary>
public sealed record TrainingSummary(
    int DataRows,
    int MalformedRows,
    int UnlabelledRows,
    int CorrectionsApplied,
    int RowsReplacedByCorrections,
    int CorrectionRowsSkipped,
    TrainedModel Result,
    ModelEvaluation? Holdout,
    string? HoldoutDataPath,
    TimeSpan Elapsed);
