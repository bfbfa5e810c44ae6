using Microsoft.Extensions.Options;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Languages;
using Orleans.Sentiment.Languages;

namespace Orleans.Sentiment.Grains.Languages;

/// <summary>
/// The silo's language identification (one per process: Lingua's models are large and shared) and the rule it serves:
/// a model only labels comments in the languages it reads (<see cref="ModelLanguages"/>). A comment whose language
/// could not be told (no words, or a short text of doubtful language) is given to every model, as before identification
/// existed.
/// </summary>
public sealed class LanguageGate
{
    private readonly Lazy<LanguageIdentifier>? _identifier;

    public LanguageGate(IOptions<LanguageOptions> options)
    {
        var settings = options.Value;
        _identifier = settings.Enabled
            ? new Lazy<LanguageIdentifier>(() => new LanguageIdentifier(settings.CandidateCodes, settings.LowAccuracy), LazyThreadSafetyMode.ExecutionAndPublication)
            : null;
    }

    public bool Enabled => _identifier is not null;

    /// <summary>Loads the models of the Latin-script candidates ahead of the first comment (about 5 s of one core); nothing when off.</summary>
    public void WarmUp()
    {
        if (_identifier is null)
        {
            return;
        }

        _identifier.Value.LoadLatinScriptModels();
        // Reading the models' compressed JSON leaves about 180 MB of garbage; giving it back to the system now
        // keeps the silo's resident memory at what the models hold.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>Each text's language (null where none could be told, or identification is off), off the caller's thread.</summary>
    public async Task<DetectedLanguage?[]> IdentifyAsync(IReadOnlyList<string> texts)
    {
        if (_identifier is null)
        {
            return new DetectedLanguage?[texts.Count];
        }

        return await Task.Run(() => texts
            .Select(t => _identifier.Value.Identify(t) is { } guess ? new DetectedLanguage(guess.Code, (float)Math.Round(guess.Confidence, 3)) : null)
            .ToArray());
    }

    /// <summary>Whether <paramref name="languages"/> cover a comment identified as <paramref name="detected"/>.</summary>
    public static bool Reads(ModelLanguages languages, DetectedLanguage? detected) => detected is null || languages.Supports(detected.Code);
}
