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

    public async Task<IReadOnlyList<ClassificationResult>> ClassifyEachAsync(IReadOnlyList<string> texts)
    {
        // Outside the try: models still loading (or failed to load) is the silo's state, not the texts' fault.
        var host = await inference.GetAsync();
        try
        {
            var results = await host.Classifier.ClassifyAsync(texts);
            return results.Select(r => ClassificationResult.Success(ToContract(r))).ToArray();
        }
        catch (Exception) when (texts.Count > 1)
        {
            // One bad text must not fail its neighbours: classify each alone and report the ones that fail.
            var outcomes = new ClassificationResult[texts.Count];
            for (var i = 0; i < texts.Count; i++)
            {
                outcomes[i] = await ClassifyAloneAsync(host, texts[i]);
            }

            return outcomes;
        }
        catch (Exception e) when (IsModelFailure(e))
        {
            return [ClassificationResult.Failure(Describe(e))];
        }
    }

    /// <summary>Runs the models on one text outside the shared batches, so it cannot meet the failing text again.</summary>
    private static Task<ClassificationResult> ClassifyAloneAsync(InferenceHost host, string text)
    {
        try
        {
            var predictions = host.Classifier.Classifiers.ToDictionary(m => m.Name, m => m.Classify([text])[0], StringComparer.Ordinal);
            return Task.FromResult(ClassificationResult.Success(ToContract(predictions)));
        }
        catch (Exception e) when (IsModelFailure(e))
        {
            return Task.FromResult(ClassificationResult.Failure(Describe(e)));
        }
    }

    /// <summary>Failures that belong to the text, as opposed to an unavailable service that the caller should retry.</summary>
    private static bool IsModelFailure(Exception e) => e is not (ObjectDisposedException or OperationCanceledException or TimeoutException);

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";

    private static IReadOnlyDictionary<string, ModelPrediction> ToContract(IReadOnlyDictionary<string, Prediction> predictions) =>
        predictions.ToDictionary(p => p.Key, p => new ModelPrediction(p.Value.Label, p.Value.Score, p.Value.Scores, p.Value.Logits), StringComparer.Ordinal);
}
