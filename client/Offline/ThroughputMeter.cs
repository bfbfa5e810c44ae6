using System.Diagnostics;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Client.Offline;

/// <summary>Times the runtime the way the benchmark reports it.</summary>
internal static class ThroughputMeter
{
    /// <summary>Seconds to classify all texts in consecutive batches of <paramref name="batchSize"/>, after one warm-up batch.</summary>
    public static double ClassifySeconds(ITextClassifier classifier, IReadOnlyList<string> texts, int batchSize)
    {
        classifier.Classify([.. texts.Take(batchSize)]);
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < texts.Count; start += batchSize)
        {
            classifier.Classify([.. texts.Skip(start).Take(batchSize)]);
        }

        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Seconds to classify all texts in one call, which groups texts of similar length into batches (as
    /// <c>classify</c> does per chunk), so batches carry little padding.
    /// </summary>
    public static double ClassifyGroupedSeconds(ITextClassifier classifier, IReadOnlyList<string> texts)
    {
        classifier.Classify(texts);
        var watch = Stopwatch.StartNew();
        classifier.Classify(texts);
        return watch.Elapsed.TotalSeconds;
    }
}
