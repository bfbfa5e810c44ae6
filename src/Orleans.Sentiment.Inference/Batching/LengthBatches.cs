namespace Orleans.Sentiment.Inference;

/// <summary>
/// Offline classification (the CLI, evaluation, benchmarks): every text encoded once, then cut into model calls of
/// similar length by the batching service's own queue, one caller, results in input order.
/// </summary>
public static class LengthBatches
{
    /// <param name="models">The models.</param>
    /// <param name="texts">The texts, in order.</param>
    /// <param name="maxBatchTexts">Most texts in one model call.</param>
    /// <param name="maxBatchTokens">Most padded tokens (texts × longest) in one model call; 0 for no limit.</param>
    public static IReadOnlyList<IReadOnlyDictionary<string, Prediction>> Classify(this ClassifierSet models, IReadOnlyList<string> texts, int maxBatchTexts = 32, int maxBatchTokens = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchTexts, 1);
        var call = new PendingCall(texts);
        var queue = new TextQueue();
        call.Items = new PendingText[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            call.Items[i] = new PendingText(call, i, models.Encode(texts[i]), i, 0);
            queue.Add(call.Items[i]);
        }

        var results = new IReadOnlyDictionary<string, Prediction>[texts.Count];
        while (queue.Count > 0)
        {
            var batch = queue.TakeBatch(maxBatchTexts, maxBatchTokens > 0 ? maxBatchTokens : int.MaxValue);
            var predictions = models.Run([.. batch.Select(t => t.Encoded)]);
            for (var i = 0; i < batch.Count; i++)
            {
                results[batch[i].Index] = predictions[i];
            }
        }

        return results;
    }

    /// <summary>One model's predictions for <paramref name="texts"/>, in order.</summary>
    public static IReadOnlyList<Prediction> Classify(this ITextClassifier model, IReadOnlyList<string> texts, int maxBatchTexts = 32, int maxBatchTokens = 0) =>
        [.. new ClassifierSet([model]).Classify(texts, maxBatchTexts, maxBatchTokens).Select(p => p[model.Name])];
}
