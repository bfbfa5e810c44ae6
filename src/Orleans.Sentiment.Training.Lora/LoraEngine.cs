using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Training.Compact;
using Orleans.Sentiment.Training.Engines;

namespace Orleans.Sentiment.Training.Lora;

/// <summary><c>--method lora</c>: LoRA fine-tuning of a pretrained encoder with TorchSharp, written as a merged model plus a PEFT adapter.</summary>
/// <param name="baseDirectory">Hugging Face folder of the base model (config.json, tokenizer files, model.safetensors).</param>
/// <param name="baseModelName">What adapter_config.json names as the base: a hub id or the folder.</param>
public sealed class LoraEngine(string baseDirectory, string baseModelName, LoraOptions options, IProgress<LoraStep>? steps = null, IProgress<string>? log = null) : ITrainingEngine
{
    public string Name => "lora";

    public TrainedModel Train(
        IReadOnlyList<LabeledExample> training,
        IReadOnlyList<LabeledExample>? validation,
        string outputDirectory,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var encoder = PretrainedEncoder.Load(baseDirectory);
        var tokenizer = TokenizerLoader.Load(baseDirectory);
        var result = new LoraTrainer(options).Train(encoder, tokenizer, training, validation, progress, steps, log, cancellationToken);
        using var model = result.Model;
        var problemType = result.MultiLabel ? ProblemType.MultiLabel : ProblemType.SingleLabel;
        LoraModelWriter.Write(outputDirectory, encoder, model, result.Labels, problemType, baseModelName, new JsonObject
        {
            ["engine"] = Name,
            ["base"] = baseModelName,
            ["seed"] = options.Seed,
            ["lora_r"] = options.Rank,
            ["lora_alpha"] = options.Alpha,
            ["lora_dropout"] = options.Dropout,
            ["learning_rate"] = options.LearningRateFor(result.TrainingExamples),
            ["batch_size"] = options.BatchSize,
            ["max_length"] = options.MaxLength,
            ["epochs_run"] = result.History.Count,
            ["best_epoch"] = result.BestEpoch,
            ["training_examples"] = result.TrainingExamples,
            ["validation_examples"] = result.ValidationExamples,
            ["validation_accuracy"] = Math.Round(result.Validation.Accuracy, 4),
            ["validation_macro_f1"] = Math.Round(result.Validation.MacroF1, 4),
        });
        return new TrainedModel(result.Labels, problemType, result.BestEpoch, result.Validation, result.History, result.TrainingExamples, result.ValidationExamples);
    }
}
