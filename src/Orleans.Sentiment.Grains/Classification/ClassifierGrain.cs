using Orleans.Concurrency;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Placement;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Grains.Classification;

/// <summary>
/// Stateless front of the silo's inference service; Orleans adds activations as load grows. The service
/// isolates failures: a model call that throws is retried text by text, so a text that breaks the model
/// comes back as its own failure and its batch neighbours (from any caller) still get predictions. A full
/// queue (<see cref="InferenceQueueFullException"/>) or a timeout fails the whole call: the caller retries.
/// Reentrant: a call only waits for the service, so every caller's texts reach its fair per-tenant queue at once
/// instead of waiting in the activation's first-come-first-served message queue.
/// </summary>
[StatelessWorker]
[Reentrant]
[ClassifierSiloFilter]
public sealed class ClassifierGrain(SiloInference inference) : Grain, IClassifierGrain
{
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, Prediction>>> ClassifyAsync(string tenant, IReadOnlyList<string> texts)
    {
        var results = await inference.ClassifyAsync(texts, tenant);
        var failed = results.Select((r, i) => (r, i)).FirstOrDefault(p => !p.r.Succeeded);
        if (failed.r is not null)
        {
            throw new InvalidOperationException($"The models failed on text [{failed.i}]: {failed.r.Failure}");
        }

        return [.. results.Select(r => r.Predictions!)];
    }

    // Models still loading (or failed to load) is the silo's state, not the texts' fault: that throws, and the caller retries.
    public Task<IReadOnlyList<TextClassification>> ClassifyEachAsync(string tenant, IReadOnlyList<string> texts) =>
        inference.ClassifyAsync(texts, tenant);

    public Task<IReadOnlyList<TextClassification>> ClassifyWithAsync(string tenant, IReadOnlyList<string> texts, IReadOnlyList<string> models) =>
        inference.ClassifyWithAsync(tenant, texts, models);

    public Task<IReadOnlyList<TextClassification>> ClassifyCommentsAsync(string tenant, IReadOnlyList<string> texts, IReadOnlyList<string>? models, bool anyLanguage) =>
        models is null ? inference.ClassifyAsync(texts, tenant, anyLanguage) : inference.ClassifyWithAsync(tenant, texts, models, anyLanguage);
}
