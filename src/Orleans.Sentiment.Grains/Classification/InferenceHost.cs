using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Grains.Classification;

/// <summary>The silo's one batching inference service, shared by every classifier activation on that silo.</summary>
public sealed class InferenceHost : IAsyncDisposable
{
    private readonly ClassifierSet _models;

    public InferenceHost(ClassifierSet models, SentimentMetrics metrics, int maxBatchTexts)
    {
        _models = models;
        Classifier = new BatchingClassifier(models, maxBatchTexts);
        Classifier.BatchCompleted += metrics.BatchClassified;
    }

    public BatchingClassifier Classifier { get; }

    public async ValueTask DisposeAsync()
    {
        await Classifier.DisposeAsync();
        _models.Dispose();
    }
}
