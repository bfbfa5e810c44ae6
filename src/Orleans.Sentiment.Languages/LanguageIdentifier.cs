using System.Text.RegularExpressions;
using Lingua;

namespace Orleans.Sentiment.Languages;

/// <summary>
/// Identifies the language of short texts offline with Lingua's n-gram models (SearchPioneer.Lingua, embedded in the
/// package), among a set of candidate languages, and romanized Hindi (<see cref="RomanizedHindi"/>), which Lingua does
/// not model. @handles, links, "RT" and the '#' of hashtags are left out first: they belong to no language and tip short
/// texts towards the wrong one. Two passes: the trigram models, then the full models for any text they are not sure is
/// English. Safe to call from several threads; the models of a language load on first need.
/// </summary>
public sealed partial class LanguageIdentifier
{
    /// <summary>
    /// Characters of a text that are read: enough to tell any language, and a 5,000-character review costs no more
    /// than a tweet.
    /// </summary>
    public const int MaxChars = 400;

    /// <summary>Below this, Lingua's answer for a Latin-script text may be romanized Hindi, which it does not model.</summary>
    private const double DoubtfulConfidence = 0.8;

    /// <summary>
    /// A trigram answer this sure that a text is English stands without the full models: most comments of most sources
    /// are English, and the full models cost several times the trigrams' time and allocate more.
    /// </summary>
    private const double SureEnglish = 0.9;

    private readonly LanguageDetector _trigrams;
    private readonly LanguageDetector? _full;
    private readonly bool _romanizedHindi;

    /// <param name="candidates">ISO 639-1 codes of the languages to choose among (at least two), or empty for every language Lingua knows.</param>
    /// <param name="lowAccuracy">Trigram models only: a fiftieth of the memory, less exact on short texts.</param>
    public LanguageIdentifier(IReadOnlyCollection<string> candidates, bool lowAccuracy)
    {
        LanguageDetectorBuilder Builder() => candidates.Count == 0
            ? LanguageDetectorBuilder.FromAllLanguages()
            : LanguageDetectorBuilder.FromLanguages([.. candidates.Select(LanguageOf)]);
        _trigrams = Builder().WithLowAccuracyMode().Build();
        _full = lowAccuracy ? null : Builder().Build();
        _romanizedHindi = candidates.Count == 0 || candidates.Contains(RomanizedHindi.Code);
    }

    /// <summary>Loads the models of the Latin-script candidates, which a first comment would otherwise wait for.</summary>
    public void LoadLatinScriptModels()
    {
        const string sample = "Loading the language models before the first comment arrives.";
        _trigrams.ComputeLanguageConfidenceValues(sample);
        _full?.ComputeLanguageConfidenceValues(sample);
    }

    /// <summary>ISO 639-1 codes of every language that can be a candidate.</summary>
    public static IReadOnlyList<string> KnownCodes { get; } = [.. Enum.GetValues<Language>().Select(CodeOf).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Texts of fewer words are often words of several languages ("fine" is Italian too, "broken" Dutch, "terrible"
    /// French): their language is told only when Lingua is at least <see cref="ShortTextConfidence"/> sure
    /// ("merci beaucoup", "schlecht", "obrigado"), else they have none and every model reads them.
    /// </summary>
    public const int ShortTextWords = 3;

    public const double ShortTextConfidence = 0.5;

    /// <summary>The text's language, or null when it cannot be told (emoji, numbers or links only, a short text of doubtful language).</summary>
    public LanguageGuess? Identify(string text)
    {
        var words = Words(text);
        if (words.Length == 0)
        {
            return null;
        }

        var best = _trigrams.ComputeLanguageConfidenceValues(words).FirstOrDefault();
        if (_full is not null && (best.Key != Language.English || best.Value < SureEnglish))
        {
            best = _full.ComputeLanguageConfidenceValues(words).FirstOrDefault();
        }

        var isShort = words.Split(' ').Count(w => w.Any(char.IsLetter)) < ShortTextWords;
        if (best.Value <= 0 || isShort && best.Value < ShortTextConfidence)
        {
            return null;
        }

        // Lingua's confident answers stand: Portuguese or Spanish text shares a few words with romanized Hindi.
        var doubtful = best.Key == Language.English || best.Value < DoubtfulConfidence;
        if (_romanizedHindi && doubtful && IsLatinScript(words) && RomanizedHindi.Share(LatinWords(words)) is { } share)
        {
            // Twice the share of common Hindi words: the others are mostly names and content words of either language.
            return new LanguageGuess(RomanizedHindi.Code, Math.Min(1, 2 * share));
        }

        return new LanguageGuess(CodeOf(best.Key), best.Value);
    }

    /// <summary>The text without what belongs to no language, cut to <see cref="MaxChars"/> at a space.</summary>
    internal static string Words(string text)
    {
        var kept = NotLanguage().Replace(text.Length > 4 * MaxChars ? text[..(4 * MaxChars)] : text, " ");
        kept = Spaces().Replace(kept, " ").Trim();
        if (kept.Length > MaxChars)
        {
            var cut = kept.LastIndexOf(' ', MaxChars);
            kept = kept[..(cut > 0 ? cut : MaxChars)];
        }

        return kept.Any(char.IsLetter) ? kept : "";
    }

    private static bool IsLatinScript(string text)
    {
        int letters = 0, latin = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                latin += c < 0x250 ? 1 : 0;
            }
        }

        return latin >= 0.9 * letters;
    }

    private static string[] LatinWords(string text) => [.. LatinWord().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    private static Language LanguageOf(string code) =>
        Enum.TryParse<IsoCode6391>(code, ignoreCase: true, out var iso) && iso != IsoCode6391.None
            ? LanguageInfo.GetByIsoCode6391(iso)
            : throw new ArgumentException($"'{code}' is not an ISO 639-1 code of a language that can be identified; known: {string.Join(", ", KnownCodes)}.", nameof(code));

    private static string CodeOf(Language language) => language.IsoCode6391().ToString().ToLowerInvariant();

    [GeneratedRegex(@"@\w+|https?://\S*|\bhttps?\b|www\.\S+|\bRT\b|#|\S+@\S+\.\S+")]
    private static partial Regex NotLanguage();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("[a-z]+")]
    private static partial Regex LatinWord();
}
