using System.Diagnostics;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Training.Compact;
using Orleans.Sentiment.Training.Engines;
using Orleans.Sentiment.Training.Pretrained;

namespace Orleans.Sentiment.Training.Head;

/// <summary>
/// <c>--method head</c>: the pretrained encoder stays frozen; its mean-pooled embeddings of every text are computed
/// once with ONNX Runtime and a small head is trained on them in plain C#. Minutes on a CPU, no libtorch.
/// </summary>
public sealed class HeadEngine(string baseDirectory, HeadOptions options, IProgress<string>? log = null) : ITrainingEngine
{
    public string Name => "head";

    public TrainedModel Train(
        IReadOnlyList<LabeledExample> training,
        IReadOnlyList<LabeledExample>? validation,
        string outputDirectory,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        options.Validate();
        var data = PretrainedTrainingData.Prepare(training, validation, options.ValidationFraction, options.MaxExamples, options.Seed, new Random(options.Seed));
        (training, var labels, var multiLabel) = (data.Training, data.Labels, data.MultiLabel);
        var known = labels.ToHashSet(StringComparer.Ordinal);
        validation = [.. data.Validation.Select(e => e with { Labels = [.. e.Labels.Where(known.Contains)] }).Where(e => e.Labels.Count > 0)];
        var encoder = PretrainedEncoder.Load(baseDirectory);
        using var embedder = new SentenceEmbedder(encoder, options.MaxLength);
        var clock = Stopwatch.StartNew();
        var all = training.Concat(validation).Select(e => e.Text).ToArray();
        var embeddings = embedder.Embed(all, cancellationToken: cancellationToken);
        log?.Report($"Embedded {all.Length} texts with the frozen encoder in {clock.Elapsed.TotalSeconds:0.0} s.");
        var trainSet = training.Select((e, i) => (embeddings[i], e.Labels)).ToArray();
        var validationSet = validation.Select((e, i) => (embeddings[training.Count + i], e.Labels)).ToArray();
        var result = new HeadTrainer(options).Train(labels, multiLabel, trainSet, validationSet, progress, cancellationToken);
        var problemType = multiLabel ? ProblemType.MultiLabel : ProblemType.SingleLabel;
        HeadModelWriter.Write(outputDirectory, encoder, labels, problemType, result.Head, new JsonObject
        {
            ["engine"] = Name,
            ["base"] = Path.GetFileName(Path.TrimEndingDirectorySeparator(baseDirectory)),
            ["seed"] = options.Seed,
            ["max_length"] = embedder.MaxLength,
            ["hidden_size"] = options.HiddenSize,
            ["epochs_run"] = result.History.Count,
            ["best_epoch"] = result.BestEpoch,
            ["training_examples"] = trainSet.Length,
            ["validation_examples"] = validationSet.Length,
            ["validation_accuracy"] = Math.Round(result.Validation.Accuracy, 4),
            ["validation_macro_f1"] = Math.Round(result.Validation.MacroF1, 4),
        });
        return new TrainedModel(labels, problemType, result.BestEpoch, result.Validation, result.History, trainSet.Length, validationSet.Length);
    }
}
