using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Placement;
using Orleans.Sentiment.Grains.Themes;
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
public sealed class ClassifierGrain(SiloInference inference, IOptions<ThemesOptions> themes) : Grain, IClassifierGrain
{
    public Task<IReadOnlyList<TextClassification>> ClassifyAsync(string tenant, IReadOnlyList<string> texts, IReadOnlyList<string>? models, bool anyLanguage) =>
        models is null ? inference.ClassifyAsync(texts, tenant, anyLanguage) : inference.ClassifyWithAsync(tenant, texts, models, anyLanguage);

    public Task<IReadOnlyList<float[]>> EmbedAsync(string tenant, IReadOnlyList<string> texts) =>
        inference.EmbedAsync(texts, tenant, themes.Value.SentenceModel);
}
