using System.Diagnostics;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// Classifies a delivered batch for a source grain: chunks go to the stateless classifier grains at the same time (the
/// silo's batching service merges them into full model batches), and a classifier that is unavailable — a timeout, a
/// full queue, models still loading — is retried until the deadline, after which the comments are dead-lettered
/// rather than lost.
/// </summary>
public sealed class CommentClassifier(IGrainFactory grains, SentimentOptions options)
{
    public const string ModelErrorReason = "model_error";
    public const string UnavailableReason = "classifier_unavailable";

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>One outcome per comment, in order.</summary>
    public async Task<IReadOnlyList<Outcome>> ClassifyAsync(IReadOnlyList<Comment> comments)
    {
        var started = Stopwatch.GetTimestamp();
        var chunks = comments.Chunk(options.ClassifierBatchSize).ToArray();
        var results = await Task.WhenAll(chunks.Select(chunk => ClassifyChunkAsync(chunk, started)));
        return results.SelectMany(r => r).ToArray();
    }

    private async Task<IReadOnlyList<Outcome>> ClassifyChunkAsync(Comment[] chunk, long started)
    {
        var classifier = grains.GetGrain<IClassifierGrain>(0);
        var texts = chunk.Select(c => c.Text).ToArray();
        var delay = FirstRetryDelay;
        while (true)
        {
            Exception failure;
            try
            {
                var results = await classifier.ClassifyEachAsync(texts);
                return results.Select(r => r.Succeeded
                    ? new Outcome(r.Predictions, null, null)
                    : new Outcome(null, ModelErrorReason, r.Error)).ToArray();
            }
            catch (Exception e)
            {
                failure = e;
            }

            if (Stopwatch.GetElapsedTime(started) + delay > options.ClassificationDeadline)
            {
                var detail = $"no classifier answered within {options.ClassificationDeadline} (Sentiment:ClassificationDeadline): {failure.GetType().Name}";
                return chunk.Select(_ => new Outcome(null, UnavailableReason, detail)).ToArray();
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetryDelay.Ticks));
        }
    }

    /// <summary>Predictions, or the reason code and detail of a failure.</summary>
    public sealed record Outcome(IReadOnlyDictionary<string, ModelPrediction>? Predictions, string? Reason, string? Detail);
}
