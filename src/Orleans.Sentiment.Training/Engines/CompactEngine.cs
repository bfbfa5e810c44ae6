using System.Text.Json.Nodes;
using Orleans.Sentiment.Training.Compact;

namespace Orleans.Sentiment.Training.Engines;

/// <summary><c>--method compact</c>: the fastText-style engine (word + bigram embeddings), seconds to minutes on a CPU.</summary>
public sealed class CompactEngine(CompactOptions options) : ITrainingEngine
{
    public string Name => "compact";

    public TrainedModel Train(
        IReadOnlyList<LabeledExample> training,
        IReadOnlyList<LabeledExample>? validation,
        string outputDirectory,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var result = new CompactTrainer(options).Train(training, validation, progress, cancellationToken);
        CompactModelWriter.Write(outputDirectory, result.Model, options.MaxSequenceLength, new JsonObject
        {
            ["engine"] = Name,
            ["seed"] = options.Seed,
            ["epochs_run"] = result.History.Count,
            ["best_epoch"] = result.BestEpoch,
            ["training_examples"] = result.TrainingExamples,
            ["validation_examples"] = result.ValidationExamples,
            ["validation_accuracy"] = Math.Round(result.Validation.Accuracy, 4),
            ["validation_macro_f1"] = Math.Round(result.Validation.MacroF1, 4),
        });
        return new TrainedModel(result.Model.Labels, result.Model.ProblemType, result.BestEpoch, result.Validation, result.History, result.TrainingExamples, result.ValidationExamples);
    }
}
