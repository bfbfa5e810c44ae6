using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Training.Compact;
using Orleans.Sentiment.Training.Evaluation;

namespace Orleans.Sentiment.Training.Engines;

/// <summary>What an engine wrote: the labels, the best epoch and its validation scores.</summary>
public sealed record TrainedModel(
    IReadOnlyList<string> Labels,
    ProblemType ProblemType,
    int BestEpoch,
    ClassificationReport Validation,
    IReadOnlyList<TrainingProgress> History,
    int TrainingExamples,
    int ValidationExamples);
