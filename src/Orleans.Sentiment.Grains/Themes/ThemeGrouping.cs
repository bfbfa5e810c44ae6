using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Themes;

namespace Orleans.Sentiment.Grains.Themes;

/// <summary>
/// Groups a source's remembered comments of one label into themes: first the comments without a vector are embedded by
/// the sentence encoder (once each, in chunks that queue like any classification), then the grouping runs off the
/// grain's turn (about 0.1 s per 1,000 comments).
/// </summary>
public static class ThemeGrouping
{
    /// <summary>Texts per embedding call: small enough to leave the tenant's queue share room for its comments.</summary>
    private const int EmbedChunk = 256;

    /// <param name="memory">The source's remembered comments.</param>
    /// <param name="model">The model whose label is grouped; null: any model's.</param>
    /// <param name="label">The label.</param>
    /// <param name="options">The Themes settings.</param>
    /// <param name="embed">Sentence embeddings of texts, in order (the classifier silos' sentence encoder).</param>
    /// <param name="recent">
    /// Group only the label's comments among the source's last this many (a spike's window), or the newest
    /// <see cref="ThemesOptions.MinComments"/> of the label when that is more; null: every remembered comment of the label.
    /// </param>
    public static async Task<SourceThemes> FindAsync(
        ThemeMemory memory, string? model, string label, ThemesOptions options, Func<IReadOnlyList<string>, Task<IReadOnlyList<float[]>>> embed, int? recent = null)
    {
        if (options.MaxComments == 0)
        {
            return new SourceThemes(model, label, false, "Themes are off (Themes:MaxComments is 0).", 0, []);
        }

        if (memory.Count == 0)
        {
            return new SourceThemes(model, label, false, memory.EmbedsOnDemand
                ? "No comments yet: themes use the comments classified since the source started."
                : "No comments with a sentence embedding yet: themes use the comments classified since the source started, by a model that returns one.", 0, []);
        }

        // Picked once: comments that arrive while these are embedded are not grouped this time. A short window still
        // takes the newest MinComments of the label, so that there is enough to group.
        var labelled = memory.Labelled(model, label);
        var chosen = recent is { } last
            ? [.. labelled.TakeLast(Math.Max(memory.LabelledAmongLast(model, label, last), options.MinComments))]
            : labelled;
        if (memory.EmbedsOnDemand && labelled.Count < options.MinComments)
        {
            // Too few to group: answered as such without embedding any of them.
            return Answer(model, label, ThemeResult.NotEnough(labelled.Count, options.MinComments));
        }

        if (memory.EmbedsOnDemand)
        {
            try
            {
                foreach (var chunk in chosen.Where(e => e.Vector is null).Chunk(EmbedChunk))
                {
                    ThemeMemory.Keep(chunk, await embed([.. chunk.Select(e => EmbeddingText.Of(e.Text))]));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Full queues under overload and a sentence encoder that cannot be opened both land here; the reason says which.
                return new SourceThemes(model, label, false, $"The comments could not be embedded for themes: {e.Message}", 0, []) { Unavailable = true };
            }
        }

        var (focus, background) = memory.Select(chosen);
        var found = await Task.Run(() => ThemeFinder.Find(focus, background, new ThemeOptions { MinComments = options.MinComments, MaxThemes = options.MaxThemes, WordWeight = (float)options.ResolvedWordWeight }));
        return Answer(model, label, found);
    }

    private static SourceThemes Answer(string? model, string label, ThemeResult found) =>
        new SourceThemes(model, label, found.Status == ThemeStatus.Found, found.Status == ThemeStatus.Found ? $"{found.Themes.Count} themes in {found.CommentCount} comments." : $"Not enough comments: {found.Message}", found.CommentCount,
            found.Themes.Select(t => new SourceTheme(t.Name, t.Keywords.Select(k => k.Word).ToArray(), t.Count, t.Share,
                t.Representatives.Select(r => new ThemeExample(r.Id, r.Text)).ToArray(), t.CommentIds, t.IsOther)).ToArray());
}
