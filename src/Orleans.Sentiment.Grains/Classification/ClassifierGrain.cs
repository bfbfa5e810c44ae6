using Orleans.Concurrency;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Hosting;
using Orleans.Sentiment.Grains.Placement;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Grains.Classification;

/// <summary>Stateless front of the silo's inference service; Orleans adds activations as load grows.</summary>
[StatelessWorker]
[ClassifierSiloFilter]
public sealed class ClassifierGrain(InferenceHostSource inference) : Grain, IClassifierGrain
{
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, ModelPrediction>>> ClassifyAsync(IReadOnlyList<string> texts)
    {
        var host = await inference.GetAsync();
        var results = await host.Classifier.ClassifyAsync(texts);
        return results.Select(ToContract).ToArray();
    }

    private static IReadOnlyDictionary<string, ModelPrediction> ToContract(IReadOnlyDictionary<string, Prediction> predictions) =>
        predictions.ToDictionary(p => p.Key, p => new ModelPrediction(p.Value.Label, p.Value.Score, p.Value.Scores, p.Value.Logits), StringComparer.Ordinal);
}
