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
        models.Classify([.. texts.Take(chunk)], batchSize);
        var watch = Stopwatch.StartNew();
        foreach (var part in texts.Chunk(chunk))
        {
            models.Classify(part, batchSize);
        }

        return texts.Count / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
    }

    /// <summary>Padding tokens per real token of classify's batching (chunks of 8 batches, each chunk sorted by length).</summary>
    public static double PaddingRatio(IReadOnlyList<int> tokens, int batchSize)
    {
        long real = 0, padded = 0;
        foreach (var chunk in tokens.Chunk(batchSize * BatchesPerChunk))
        {
            foreach (var batch in chunk.Order().Chunk(batchSize))
            {
                real += batch.Sum();
                padded += (long)batch.Max() * batch.Length;
            }
        }

        return real == 0 ? 0 : (padded - real) / (double)real;
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
