using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains.Themes;

/// <summary>
/// Section <c>Themes</c>: how a source groups its recent comments into themes. Each source keeps the sentence embedding
/// and text of its last <see cref="MaxComments"/> classified comments in memory (about 1 KB each with a MiniLM model;
/// not stored, so a restarted source finds themes again as comments arrive).
/// </summary>
public sealed class ThemesOptions
{
    public const string Section = "Themes";

    /// <summary>Comments per source kept for themes; 0 turns themes off.</summary>
    [Range(0, 20_000, ErrorMessage = "Themes:MaxComments must be between {1} and {2}.")]
    public int MaxComments { get; set; } = 1000;

    /// <summary>Fewest comments of a label that are grouped; fewer are answered "not enough comments" rather than noise.</summary>
    [Range(5, 10_000, ErrorMessage = "Themes:MinComments must be between {1} and {2}.")]
    public int MinComments { get; set; } = 30;

    /// <summary>Most themes one label is grouped into (small ones gather in "other").</summary>
    [Range(2, 50, ErrorMessage = "Themes:MaxThemes must be between {1} and {2}.")]
    public int MaxThemes { get; set; } = 15;

    /// <summary>
    /// How much a comment's words weigh against its embedding when grouping. 3 suits the built-in models, whose sentiment
    /// fine-tuning leaves little of the topic in the embedding; 1 suits a bare sentence encoder (docs/themes.md).
    /// </summary>
    [Range(0.0, 20.0, ErrorMessage = "Themes:WordWeight must be between {1} and {2}.")]
    public double WordWeight { get; set; } = 3;

    /// <summary>Themes carried by a spike alert (with their counts).</summary>
    [Range(0, 10, ErrorMessage = "Themes:AlertThemes must be between {1} and {2}.")]
    public int AlertThemes { get; set; } = 3;
}
