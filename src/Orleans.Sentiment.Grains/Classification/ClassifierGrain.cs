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
        var results = await inference.Classifier.ClassifyAsync(texts);
        return results.Select(ToContract).ToArray();
    }

    private static IReadOnlyDictionary<string, ModelPrediction> ToContract(IReadOnlyDictionary<string, Prediction> predictions) =>
        predictions.ToDictionary(p => p.Key, p => new ModelPrediction(p.Value.Label, p.Value.Score, p.Value.Scores, p.Value.Logits), StringComparer.Ordinal);
}
