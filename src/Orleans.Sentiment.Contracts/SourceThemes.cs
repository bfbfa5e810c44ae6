namespace Orleans.Sentiment.Contracts;

/// <summary>
/// The themes of a source's recent comments of one label, largest first; or, with <see cref="Found"/> false, why there
/// are none (too few comments, themes off, a model that returns no embedding; or, with <see cref="Unavailable"/>, the
/// comments could not be embedded now, e.g. a full model queue). <see cref="Comments"/> counts the comments of the label
/// grouped.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.SourceThemes")]
public sealed record SourceThemes(
    [property: Id(0)] string? Model,
    [property: Id(1)] string Label,
    [property: Id(2)] bool Found,
    [property: Id(3)] string Message,
    [property: Id(4)] int Comments,
    [property: Id(5)] IReadOnlyList<SourceTheme> Themes)
{
    /// <summary>Themes could not be computed now (the comments could not be embedded); asking again later may find them.</summary>
    [Id(6)]
    public bool Unavailable { get; init; }
}

/// <summary>One theme: its distinctive words, how many comments and what share, the comments nearest its centre, and every member's id.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.SourceTheme")]
public sealed record SourceTheme(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string> Keywords,
    [property: Id(2)] int Count,
    [property: Id(3)] double Share,
    [property: Id(4)] IReadOnlyList<ThemeExample> Representatives,
    [property: Id(5)] IReadOnlyList<string> CommentIds,
    [property: Id(6)] bool IsOther);

[GenerateSerializer, Immutable, Alias("sentiment.ThemeExample")]
public sealed record ThemeExample([property: Id(0)] string Id, [property: Id(1)] string Text);
