using Orleans.Sentiment.Training.Compact;

namespace Orleans.Sentiment.Training.Engines;

/// <summary>
/// One way of training a classifier (<c>compact</c>, <c>head</c>, <c>lora</c>): trains on the examples, keeps the
/// epoch with the best validation macro-F1, and writes a model folder that <c>OnnxTextClassifier</c> loads.
/// </summary>
public interface ITrainingEngine
{
    /// <summary><c>compact</c>, <c>head</c> or <c>lora</c>: written to config.json's <c>training.engine</c>.</summary>
    string Name { get; }

    /// <param name="training">Training examples.</param>
    /// <param name="validation">Validation examples; null or empty: the engine holds out a seeded, stratified part.</param>
    /// <param name="outputDirectory">Model folder to write.</param>
    /// <param name="progress">One report per finished epoch.</param>
    TrainedModel Train(
        IReadOnlyList<LabeledExample> training,
        IReadOnlyList<LabeledExample>? validation,
        string outputDirectory,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken);
}
