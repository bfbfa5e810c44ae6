namespace Orleans.Sentiment.Themes;

/// <summary>How comments are grouped and named; the defaults are the measured ones (docs/themes.md).</summary>
public sealed record ThemeOptions
{
    /// <summary>Below this many comments there is no theme worth showing.</summary>
    public int MinComments { get; init; } = 30;

    /// <summary>The clusters sought (fewer when there are few comments).</summary>
    public int MaxThemes { get; init; } = 15;

    /// <summary>Clusters holding less than this share of the comments are gathered into one "other" theme.</summary>
    public double MinThemeShare { get; init; } = 0.02;

    /// <summary>Weight of the comment's words against its embedding in the clustering features.</summary>
    public float WordWeight { get; init; } = 1.0f;

    /// <summary>Words seen in fewer comments than this are not clustering features.</summary>
    public int MinWordComments { get; init; } = 2;

    /// <summary>Seeded k-means runs; the tightest is kept.</summary>
    public int Restarts { get; init; } = 3;

    public int MaxIterations { get; init; } = 50;

    public int Seed { get; init; } = 19;

    /// <summary>Words in a theme's name.</summary>
    public int NameWords { get; init; } = 3;

    public int Keywords { get; init; } = 8;

    public int Representatives { get; init; } = 3;
}
