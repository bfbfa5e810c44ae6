using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Themes;

namespace Orleans.Sentiment.Grains.Themes;

/// <summary>Groups a source's remembered comments of one label into themes, off the grain's turn (about 0.1 s per 1,000 comments).</summary>
public static class ThemeGrouping
{
    public static async Task<SourceThemes> FindAsync(ThemeMemory memory, string? model, string label, ThemesOptions options)
    {
        if (options.MaxComments == 0)
        {
            return new SourceThemes(model, label, false, "Themes are off (Themes:MaxComments is 0).", 0, []);
        }

        if (memory.Count == 0)
        {
            return new SourceThemes(model, label, false, "No comments with a sentence embedding yet: themes use the comments classified since the source started, by a model that returns one.", 0, []);
        }

        var (focus, background) = memory.Select(model, label);
        var found = await Task.Run(() => ThemeFinder.Find(focus, background, new ThemeOptions { MinComments = options.MinComments, MaxThemes = options.MaxThemes, WordWeight = (float)options.WordWeight }));
        return new SourceThemes(model, label, found.Status == ThemeStatus.Found, found.Status == ThemeStatus.Found ? $"{found.Themes.Count} themes in {found.CommentCount} comments." : $"Not enough comments: {found.Message}", found.CommentCount,
            found.Themes.Select(t => new SourceTheme(t.Name, t.Keywords.Select(k => k.Word).ToArray(), t.Count, t.Share,
                t.Representatives.Select(r => new ThemeExample(r.Id, r.Text)).ToArray(), t.CommentIds, t.IsOther)).ToArray());
    }
}
