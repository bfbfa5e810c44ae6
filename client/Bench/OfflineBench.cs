using System.Diagnostics;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Client.Bench;

/// <summary>Offline classification timed the way <c>classify</c> runs: chunks of eight batches, each chunk grouped by length.</summary>
internal static class OfflineBench
{
    public const int BatchesPerChunk = 8;

    public static double CommentsPerSecond(ClassifierSet models, IReadOnlyList<string> texts, int batchSize)
    {
        var chunk = batchSize * BatchesPerChunk;
        models.Classify([.. texts.Take(chunk)]);
        var watch = Stopwatch.StartNew();
        foreach (var part in texts.Chunk(chunk))
        {
            models.Classify(part);
        }

        return texts.Count / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
    }

    /// <summary>Loads a model and reports how much the process's resident memory grew, after one warm-up call.</summary>
    public static (OnnxTextClassifier Classifier, long ResidentBytes) LoadMeasured(string name, string directory, OnnxClassifierOptions options, IReadOnlyList<string> warmUp)
    {
        GC.Collect();
        var before = ProcessMemory.ResidentBytes();
        var classifier = OnnxTextClassifier.Load(name, directory, options);
        classifier.Classify([.. warmUp]);
        GC.Collect();
        return (classifier, ProcessMemory.ResidentBytes() - before);
    }
}
