using Orleans.Sentiment.Training.Data;

namespace Orleans.Sentiment.Training.Pretrained;

/// <summary>
/// The data set-up <c>--method head</c> and <c>--method lora</c> share: a seeded, stratified validation split when
/// none is given, a seeded sample of at most <c>--max-examples</c> training rows, and the labels (sorted, at least
/// two) and whether any row has several of them.
/// </summary>
public sealed record PretrainedTrainingData(IReadOnlyList<LabeledExample> Training, IReadOnlyList<LabeledExample> Validation, string[] Labels, bool MultiLabel)
{
    /// <param name="sampler">Draws the --max-examples sample; the caller may go on using it (LoRA shuffles its batches with it).</param>
    public static PretrainedTrainingData Prepare(
        IReadOnlyList<LabeledExample> training, IReadOnlyList<LabeledExample>? validation, double validationFraction, int? maxExamples, int seed, Random sampler)
    {
        if (validation is null || validation.Count == 0)
        {
            (training, validation) = StratifiedSplitter.Split(training, validationFraction, seed);
        }

        if (maxExamples is { } most && training.Count > most)
        {
            var sample = training.ToArray();
            sampler.Shuffle(sample);
            training = sample[..most];
        }

        var labels = training.SelectMany(e => e.Labels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException($"Training needs at least two labels; the data has {labels.Length}.", nameof(training));
        }

        return new PretrainedTrainingData(training, validation, labels, training.Any(e => e.Labels.Count > 1));
    }
}
