using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Grains.Classification;

/// <summary>
/// The silo's one batching inference service, shared by every classifier activation on that silo: one ONNX
/// Runtime session per model per silo, whatever the number of grains.
/// </summary>
public sealed class InferenceHost : IAsyncDisposable
{
    private readonly ClassifierSet _models;

    public InferenceHost(ClassifierSet models, SentimentMetrics metrics, InferenceOptions options)
    {
        _models = models;
        Classifier = new BatchingClassifier(models, options);
        Classifier.BatchCompleted += metrics.InferenceBatch;
        metrics.ObserveInferenceQueue(() => Classifier.QueueDepth);
    }

    public BatchingClassifier Classifier { get; }

    public async ValueTask DisposeAsync()
    {
        await Classifier.DisposeAsync();
        _models.Dispose();
    }
}
