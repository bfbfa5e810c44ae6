namespace Orleans.Sentiment.Themes;

public enum ThemeStatus
{
    Found,
    NotEnoughComments,
}

/// <summary>The themes of one set of comments, largest first, or why there are none.</summary>
public sealed record ThemeResult(ThemeStatus Status, string Message, int CommentCount, IReadOnlyList<Theme> Themes)
{
    public static ThemeResult NotEnough(int count, int minimum) =>
        new(ThemeStatus.NotEnoughComments, $"{count} comments; themes need at least {minimum}.", count, []);
}

/// <summary>
/// One group of comments: <see cref="Name"/> joins its most distinctive words, <see cref="Representatives"/> are the
/// members nearest its centre. <see cref="IsOther"/> marks the theme gathering the clusters too small to show alone.
/// </summary>
public sealed record Theme(
    string Name,
    IReadOnlyList<ThemeKeyword> Keywords,
    int Count,
    double Share,
    IReadOnlyList<ThemeRepresentative> Representatives,
    IReadOnlyList<string> CommentIds,
    bool IsOther);

public sealed record ThemeKeyword(string Word, double Score);

public sealed record ThemeRepresentative(string Id, string Text);
