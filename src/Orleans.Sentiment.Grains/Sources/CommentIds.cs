namespace Orleans.Sentiment.Grains.Sources;

/// <summary>Ids for comments that arrive without one: time-ordered, so recent ids sort last.</summary>
public static class CommentIds
{
    public static string New() => Guid.CreateVersion7().ToString("N");
}
