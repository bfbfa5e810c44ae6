using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Contracts.Training;
using Orleans.Sentiment.Grains.Training;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Catalog;
using Orleans.Sentiment.Training.Tenant;

namespace Orleans.Sentiment.Trainer;

/// <summary>
/// A job's training through <see cref="ITenantTrainer"/>: the base model reference is resolved to a folder as the
/// CLI's <c>train --base</c> does (in the silo's model cache, Inference:CacheDirectory), stored examples and
/// corrections become the request, and the result becomes the version the tenant model stores.
/// </summary>
/// <remarks>
/// The tenant trainer is resolved when a job runs, so that a build whose Training.Lora registers none still starts
/// (its jobs fail naming the gap) instead of failing the silo's service validation.
/// </remarks>
internal sealed class TenantJobTrainer(IServiceProvider services, IOptions<InferenceOptions> inference) : IJobTrainer
{
    public async Task<TrainedVersion> TrainAsync(TrainingWork work, IProgress<TrainingJobProgress> progress, CancellationToken cancellationToken)
    {
        var spec = work.Spec;
        var request = new TenantTrainingRequest
        {
            Labels = spec.Labels,
            MultiLabel = spec.MultiLabel,
            Examples = work.Examples.Where(e => !e.IsCorrection).Select(Example).ToArray(),
            Corrections = work.Examples.Where(e => e.IsCorrection).Select(Example).ToArray(),
            BaseModel = spec.BaseModel,
            BaseModelFolder = await LocateBaseAsync(spec.BaseModel, cancellationToken),
            Method = spec.Method,
            Epochs = spec.Epochs,
            LearningRate = spec.LearningRate,
            MaxLength = spec.MaxLength,
            Seed = spec.Seed,
            MaxDuration = work.MaxDuration,
            Threads = work.Threads,
        };

        TenantTrainingResult result;
        try
        {
            var trainer = (ITenantTrainer?)services.GetService(typeof(ITenantTrainer))
                ?? throw new InvalidOperationException("No ITenantTrainer is registered in this trainer build.");
            result = await trainer.TrainAsync(request, new ProgressMap(progress), cancellationToken);
        }
        catch (TenantTrainingDataException exception)
        {
            throw new TrainingDataException(exception.Message, exception);
        }

        return new TrainedVersion(
            result.Artifact.Files, result.Method, result.HeldOut.MacroF1, result.Corrections?.MacroF1, result.HeldOut.LabelF1,
            result.TrainExamples, result.ValidationExamples, result.TestExamples, result.Steps, result.Duration, result.Options, spec.Seed);
    }

    /// <summary>A reference that names no base encoder (unknown built-in, a classifier, a missing folder) is the job's data error.</summary>
    private async Task<string> LocateBaseAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            var parsed = ModelReference.Parse(reference, "baseModel");
            return await new ModelLocator(inference.Value.CacheDirectory).LocateBaseEncoderAsync(parsed, "baseModel", cancellationToken: cancellationToken);
        }
        catch (ModelFolderException exception)
        {
            throw new TrainingDataException(exception.Message, exception);
        }
    }

    private static TenantExample Example(StoredExample example) => new(example.Text, example.Labels);

    /// <summary>Reports synchronously on the training thread (a <see cref="Progress{T}"/> would post to its context).</summary>
    private sealed class ProgressMap(IProgress<TrainingJobProgress> target) : IProgress<TenantTrainingProgress>
    {
        public void Report(TenantTrainingProgress value) =>
            target.Report(new TrainingJobProgress(value.Phase, value.Epoch, value.Step, value.TotalSteps, value.Loss, value.ValidationMacroF1));
    }
}
