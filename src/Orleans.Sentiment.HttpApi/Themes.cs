using System.ComponentModel;

namespace Orleans.Sentiment.HttpApi;

/// <summary>The themes of a source's recent comments of one label.</summary>
public sealed record ThemesResponse(
    [property: Description("The model whose label was grouped; absent: any model.")] string? Model,
    string Label,
    [property: Description("found; notEnoughComments (too few comments of the label, themes off, or no model returning sentence embeddings); or unavailable (the comments could not be embedded now, e.g. the model queue is full: ask again later). The message says which.")] string Status,
    string Message,
    [property: Description("Comments of the label grouped.")] int Comments,
    [property: Description("Largest first; a theme named \"other\" gathers the groups too small to show alone.")] IReadOnlyList<ThemeDto> Themes);

/// <summary>One theme: its distinctive words, size, the comments nearest its centre, and every member's id.</summary>
public sealed record ThemeDto(
    [property: Description("Its most distinctive words, joined by \" · \".")] string Name,
    IReadOnlyList<string> Keywords,
    int Count,
    [property: Description("Share of the label's comments.")] double Share,
    IReadOnlyList<ThemeCommentDto> Representatives,
    IReadOnlyList<string> CommentIds);

public sealed record ThemeCommentDto(string Id, string Text);
