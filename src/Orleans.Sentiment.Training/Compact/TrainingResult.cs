using Orleans.Sentiment.Training.Evaluation;

namespace Orleans.Sentiment.Training.Compact;

/// <summary>The best epoch's model and its scores on the validation examples.</summary>
public sealed record TrainingResult(CompactModel Model, int BestEpoch, ClassificationReport Validation, IReadOnlyList<TrainingProgress> History, int TrainingExamples, int ValidationExamples);
