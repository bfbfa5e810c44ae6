using System.ComponentModel.DataAnnotations;
using Orleans.Sentiment.Languages;

namespace Orleans.Sentiment.Grains.Languages;

/// <summary>
/// Section <c>Languages</c>: how classifier silos identify each comment's language, so that a model never labels a
/// comment in a language it does not read (see <see cref="Inference.Languages.ModelLanguages"/>).
/// </summary>
public sealed class LanguageOptions : IValidatableObject
{
    public const string Section = "Languages";

    public const string AllLanguages = "all";

    /// <summary>
    /// The widely written languages of customer feedback. Fewer candidates identify better (no Welsh or Yoruba for a
    /// Portuguese tweet) and take less memory: each Latin-script language's full models take about 35 MB.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultCandidates =
    [
        "en", "es", "pt", "fr", "de", "it", "nl", "sv", "da", "nb", "fi", "pl", "cs", "ro", "hu", "tr", "vi", "id",
        "el", "ru", "uk", "ar", "fa", "he", "hi", "bn", "ur", "ta", "zh", "ja", "ko", "th",
    ];

    /// <summary><c>high</c> (trigrams, then Lingua's full models for a text not surely English), <c>low</c> (trigrams only: a fiftieth of the memory, less exact on short texts) or <c>off</c>.</summary>
    public string Detection { get; set; } = "high";

    /// <summary>Comma-separated ISO 639-1 codes of the languages to tell apart, or <c>all</c> (the 75 Lingua knows).</summary>
    public string Candidates { get; set; } = string.Join(",", DefaultCandidates);

    public bool Enabled => !string.Equals(Detection, "off", StringComparison.OrdinalIgnoreCase);

    public bool LowAccuracy => string.Equals(Detection, "low", StringComparison.OrdinalIgnoreCase);

    /// <summary>The candidate codes; empty for every language.</summary>
    public IReadOnlyList<string> CandidateCodes => string.Equals(Candidates.Trim(), AllLanguages, StringComparison.OrdinalIgnoreCase)
        ? []
        : [.. Candidates.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToLowerInvariant()).Distinct()];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Detection.ToLowerInvariant() is not ("high" or "low" or "off"))
        {
            yield return new ValidationResult($"Languages:Detection is '{Detection}'; use high, low or off.", [nameof(Detection)]);
        }

        var codes = CandidateCodes;
        var unknown = codes.Where(c => !LanguageIdentifier.KnownCodes.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            yield return new ValidationResult(
                $"Languages:Candidates names {string.Join(", ", unknown.Select(c => $"'{c}'"))}, not ISO 639-1 codes of languages that can be identified ({string.Join(", ", LanguageIdentifier.KnownCodes)}), or use '{AllLanguages}'.",
                [nameof(Candidates)]);
        }
        else if (!string.Equals(Candidates.Trim(), AllLanguages, StringComparison.OrdinalIgnoreCase) && codes.Count < 2)
        {
            yield return new ValidationResult("Languages:Candidates needs at least two languages to choose between, or 'all'.", [nameof(Candidates)]);
        }
    }
}
