using Orleans.Concurrency;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Grains.Classification;

/// <summary>Stateless front of the silo's inference service; Orleans adds activations as load grows.</summary>
[StatelessWorker]
public sealed class ClassifierGrain(InferenceHost inference) : Grain, IClassifierGrain
{
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, ModelPrediction>>> ClassifyAsync(IReadOnlyList<string> texts)
    {
        var results = await ClassifyEachAsync(texts);
        var failed = results.Select((r, i) => (r, i)).FirstOrDefault(p => !p.r.Succeeded);
        if (failed.r is not null)
        {
            throw new ClassificationFailedException($"The models failed on text [{failed.i}]: {failed.r.Failure}");
        }

        return [.. results.Select(r => r.Predictions!)];
    }

    public async Task<IReadOnlyList<TextClassificationResult>> ClassifyEachAsync(IReadOnlyList<string> texts)
    {
        var results = await inference.Classifier.ClassifyAsync(texts);
        return [.. results.Select(ToContract)];
    }

    private static TextClassificationResult ToContract(TextClassification result) =>
        new(result.Predictions?.ToDictionary(p => p.Key, p => ToContract(p.Value), StringComparer.Ordinal), result.Failure);

    private static ModelPrediction ToContract(Prediction p) => new(p.Label, p.Score, p.Scores, p.Logits);
}
