using System.Diagnostics;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Languages;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// Classifies a delivered batch for a source grain: chunks go to the stateless classifier grains a few at a time (the
/// silo's batching service merges them with other sources' chunks into full model batches), and a classifier that is
/// unavailable — a timeout, a full queue, models still loading — is retried until the deadline, after which the
/// comments are dead-lettered rather than lost.
/// </summary>
public sealed class CommentClassifier(Func<string[], Task<IReadOnlyList<TextClassification>>> classifyEach, SentimentOptions options)
{
    public const string ModelErrorReason = "model_error";
    public const string UnavailableReason = "classifier_unavailable";

    /// <summary>
    /// Chunks of one delivery waiting in the inference queue at once. Enough to keep the model busy and give it texts of
    /// many lengths to group; few enough that a large delivery queues its chunks as the model reaches them, instead of
    /// all at once, where the last would wait past the queue's call timeout and be retried for nothing.
    /// </summary>
    public const int ChunksInFlight = 8;

    /// <summary>
    /// Most characters of text in one chunk, besides Sentiment:ClassifierBatchSize comments: the model's work grows
    /// with the text, so a delivery of long comments keeps as little work waiting as one of short comments, and no
    /// chunk waits past Inference:CallTimeout because its comments are long.
    /// </summary>
    public const int MaxChunkChars = 8_000;

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Sends each chunk to the silo's stateless classifier grains, in <paramref name="tenant"/>'s share of the model
    /// queue, to the models <paramref name="models"/> names at the time (null: every configured model), which label
    /// comments in languages they do not read only when <paramref name="anyLanguage"/> says so at the time.
    /// </summary>
    public CommentClassifier(IGrainFactory grains, SentimentOptions options, string tenant, Func<IReadOnlyList<string>?> models, Func<bool> anyLanguage)
        : this(texts => grains.GetGrain<IClassifierGrain>(0).ClassifyAsync(tenant, texts, models(), anyLanguage()), options)
    {
    }

    /// <summary>One outcome per comment, in order.</summary>
    public async Task<IReadOnlyList<Outcome>> ClassifyAsync(IReadOnlyList<Comment> comments)
    {
        var chunks = Chunk(comments).ToArray();
        var results = new IReadOnlyList<Outcome>[chunks.Length];
        var next = -1;
        async Task RunLaneAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < chunks.Length)
            {
                results[index] = await ClassifyChunkAsync(chunks[index]);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(ChunksInFlight, chunks.Length)).Select(_ => RunLaneAsync()));
        return results.SelectMany(r => r).ToArray();
    }

    private IEnumerable<Comment[]> Chunk(IReadOnlyList<Comment> comments)
    {
        var chunk = new List<Comment>();
        var chars = 0;
        foreach (var comment in comments)
        {
            if (chunk.Count > 0 && (chunk.Count == options.ClassifierBatchSize || chars + comment.Text.Length > MaxChunkChars))
            {
                yield return [.. chunk];
                chunk.Clear();
                chars = 0;
            }

            chunk.Add(comment);
            chars += comment.Text.Length;
        }

        if (chunk.Count > 0)
        {
            yield return [.. chunk];
        }
    }

    /// <summary>Classifies one chunk; the deadline counts from this chunk's first attempt.</summary>
    private async Task<IReadOnlyList<Outcome>> ClassifyChunkAsync(Comment[] chunk)
    {
        var started = Stopwatch.GetTimestamp();
        var texts = chunk.Select(c => c.Text).ToArray();
        var delay = FirstRetryDelay;
        while (true)
        {
            Exception failure;
            try
            {
                var results = await classifyEach(texts);
                return results.Select(r => r.Succeeded
                    ? new Outcome(r.Predictions, null, null) { Language = r.Language }
                    : new Outcome(null, ModelErrorReason, r.Failure)).ToArray();
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
    public sealed record Outcome(IReadOnlyDictionary<string, Prediction>? Predictions, string? Reason, string? Detail)
    {
        /// <summary>The comment's language, when it was identified.</summary>
        public DetectedLanguage? Language { get; init; }
    }
}
