using Orleans.Sentiment.Grains.Themes;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Tests.Pipeline;

/// <summary>
/// Grouping a source's remembered comments: with the sentence encoder, only the asked label's comments are embedded,
/// each once, without @handles and links; a failed embedding is answered with its reason; with the classifier's vector,
/// only comments whose classification returned one are kept and nothing is embedded.
/// </summary>
public sealed class ThemeGroupingTests
{
    private static readonly ThemesOptions Options = new();

    [Fact]
    public async Task FindAsync_SentenceEncoder_EmbedsTheLabelsCommentsOnceWithoutHandlesOrLinks()
    {
        var memory = new ThemeMemory(capacity: 200, sentenceEncoder: true);
        var embedder = new SubjectEmbedder();
        Remember(memory, 0, 30, "negative");
        Remember(memory, 100, 20, "positive");

        var first = await ThemeGrouping.FindAsync(memory, "sentiment", "negative", Options, embedder.EmbedAsync);
        Remember(memory, 200, 6, "negative");
        var second = await ThemeGrouping.FindAsync(memory, "sentiment", "negative", Options, embedder.EmbedAsync);

        Assert.True(first.Found, first.Message);
        Assert.Equal(30, first.Comments);
        Assert.Equal(36, second.Comments);
        // 30 at the first request, then only the 6 that arrived since; the positive comments are never embedded.
        Assert.Equal(36, embedder.Texts.Count);
        Assert.All(embedder.Texts, t => Assert.DoesNotContain("@", t, StringComparison.Ordinal));
        Assert.All(embedder.Texts, t => Assert.DoesNotContain("http", t, StringComparison.Ordinal));
        var themes = second.Themes.Where(t => !t.IsOther).ToList();
        Assert.Contains(themes, t => t.CommentIds.All(id => Subject(id) == "cancelled") && t.Name.Contains("cancelled", StringComparison.Ordinal));
        Assert.Contains(themes, t => t.CommentIds.All(id => Subject(id) == "luggage") && t.Name.Contains("luggage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindAsync_Recent_GroupsOnlyTheLabelsCommentsInThoseAndNamesThemAgainstTheOlderOnes()
    {
        var memory = new ThemeMemory(capacity: 500, sentenceEncoder: true);
        var embedder = new SubjectEmbedder();
        for (var i = 0; i < 100; i++)
        {
            memory.Add($"old-{i}", $"@airline my luggage never arrived, lost luggage again {i}", new Dictionary<string, Prediction> { ["sentiment"] = Negative("negative") });
        }

        for (var i = 0; i < 50; i++)
        {
            var (label, text) = i % 5 == 0 ? ("positive", "lovely crew, thank you") : ("negative", $"flight {i} cancelled, then cancelled again at the gate");
            memory.Add($"new-{i}", text, new Dictionary<string, Prediction> { ["sentiment"] = Negative(label) });
        }

        var spike = await ThemeGrouping.FindAsync(memory, "sentiment", "negative", Options, embedder.EmbedAsync, recent: 50);

        // The 40 negative comments among the last 50, and only they, are embedded and grouped.
        Assert.True(spike.Found, spike.Message);
        Assert.Equal(40, spike.Comments);
        Assert.Equal(40, embedder.Texts.Count);
        Assert.All(spike.Themes.SelectMany(t => t.CommentIds), id => Assert.StartsWith("new-", id, StringComparison.Ordinal));
        Assert.Contains(spike.Themes, t => t.Name.Contains("cancelled", StringComparison.Ordinal));
        Assert.DoesNotContain(spike.Themes, t => t.Name.Contains("luggage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindAsync_RecentHoldsTooFewOfTheLabel_TakesTheNewestMinCommentsOfIt()
    {
        var memory = new ThemeMemory(capacity: 500, sentenceEncoder: true);
        var embedder = new SubjectEmbedder();
        Remember(memory, 0, 60, "negative");
        Remember(memory, 100, 10, "positive");

        var spike = await ThemeGrouping.FindAsync(memory, "sentiment", "negative", Options, embedder.EmbedAsync, recent: 10);

        Assert.True(spike.Found, spike.Message);
        Assert.Equal(Options.MinComments, spike.Comments);
        Assert.Equal(Options.MinComments, embedder.Texts.Count);
    }

    [Fact]
    public async Task FindAsync_FewerThanMinComments_AnswersNotEnoughWithoutEmbedding()
    {
        var memory = new ThemeMemory(capacity: 200, sentenceEncoder: true);
        var embedder = new SubjectEmbedder();
        Remember(memory, 0, Options.MinComments - 1, "negative");

        var themes = await ThemeGrouping.FindAsync(memory, "sentiment", "negative", Options, embedder.EmbedAsync);

        Assert.False(themes.Found);
        Assert.Equal($"Not enough comments: {Options.MinComments - 1} comments; themes need at least {Options.MinComments}.", themes.Message);
        Assert.Empty(embedder.Texts);
    }

    [Fact]
    public async Task FindAsync_EmbeddingFails_AnswersNotFoundWithTheReason()
    {
        var memory = new ThemeMemory(capacity: 200, sentenceEncoder: true);
        Remember(memory, 0, 30, "negative");

        var themes = await ThemeGrouping.FindAsync(memory, "sentiment", "negative", Options,
            _ => throw new InferenceQueueFullException("The inference queue holds 4096 texts; 30 more would pass Inference:MaxQueuedTexts (4096). Retry later."));

        Assert.False(themes.Found);
        Assert.True(themes.Unavailable);
        Assert.Empty(themes.Themes);
        Assert.Contains("could not be embedded", themes.Message, StringComparison.Ordinal);
        Assert.Contains("Inference:MaxQueuedTexts", themes.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_ClassifierEmbedding_KeepsOnlyCommentsWithAVectorAndEmbedsNothing()
    {
        var memory = new ThemeMemory(capacity: 200, sentenceEncoder: false);
        var embedder = new SubjectEmbedder();
        Remember(memory, 0, 10, "negative");
        for (var i = 0; i < 30; i++)
        {
            var text = Text(i);
            memory.Add($"v-{i}", text, new Dictionary<string, Prediction> { ["sentiment"] = Negative("negative") with { Embedding = SubjectEmbedder.VectorOf(text, i) } });
        }

        var themes = await ThemeGrouping.FindAsync(memory, "sentiment", "negative", new ThemesOptions { Embedding = ThemesOptions.ClassifierEmbedding }, embedder.EmbedAsync);

        Assert.Equal(30, memory.Count);
        Assert.True(themes.Found, themes.Message);
        Assert.Equal(30, themes.Comments);
        Assert.Empty(embedder.Texts);
    }

    private static void Remember(ThemeMemory memory, int first, int count, string label)
    {
        for (var i = first; i < first + count; i++)
        {
            memory.Add(IdOf(i), Text(i), new Dictionary<string, Prediction> { ["sentiment"] = Negative(label) });
        }
    }

    private static Prediction Negative(string label) => new(label, 0.9f, new Dictionary<string, float>(), [], 12);

    private static string IdOf(int i) => $"{(i % 2 == 0 ? "cancelled" : "luggage")}-{i}";

    private static string Subject(string id) => id[..id.IndexOf('-', StringComparison.Ordinal)];

    private static string Text(int i) => i % 2 == 0
        ? $"@airline my flight {i} was cancelled again, cancelled twice this week http://t.co/c{i}"
        : $"@airline my luggage never arrived, lost luggage again http://t.co/b{i}";

    /// <summary>Stands in for the sentence encoder: a vector pointing at the text's subject, with a little spread.</summary>
    private sealed class SubjectEmbedder
    {
        public List<string> Texts { get; } = [];

        public static float[] VectorOf(string text, int seed)
        {
            var random = new Random(seed);
            var vector = new float[384];
            vector[text.Contains("cancelled", StringComparison.Ordinal) ? 0 : 7] = 1;
            for (var j = 0; j < vector.Length; j++)
            {
                vector[j] += (float)(random.NextDouble() - 0.5) / 20;
            }

            return vector;
        }

        public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts)
        {
            Texts.AddRange(texts);
            return Task.FromResult<IReadOnlyList<float[]>>([.. texts.Select((t, i) => VectorOf(t, Texts.Count + i))]);
        }
    }
}
