using Orleans.Sentiment.Grains.Languages;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Languages;

namespace Orleans.Sentiment.Tests.Languages;

public sealed class LanguageRoutingTests
{
    private static readonly LanguageRouting.RoutedModel[] Models =
    [
        new("sentiment", ModelLanguages.English),
        new("multilingual", ModelLanguages.Any),
    ];

    private readonly List<(string[] Texts, int[] Skipped)> _calls = [];

    [Fact]
    public async Task Classify_TextInALanguageAModelDoesNotRead_SkipsThatModelOnly()
    {
        var results = await ClassifyAsync(["good", "bueno", "😀"], [Language("en"), Language("es"), null], anyLanguage: false);

        Assert.Equal("label-of-good", results[0].Predictions!["sentiment"].Label);
        Assert.True(results[1].Predictions!["sentiment"].IsUnsupportedLanguage);
        Assert.Equal("label-of-bueno", results[1].Predictions!["multilingual"].Label);
        Assert.Equal("label-of-😀", results[2].Predictions!["sentiment"].Label);
        Assert.Equal("en", results[0].Language?.Code);
        Assert.Equal("es", results[1].Language?.Code);
        Assert.Null(results[2].Language);
        // Models keep their order, which names the window's model.
        Assert.Equal(["sentiment", "multilingual"], results[1].Predictions!.Keys);
        Assert.Contains(_calls, c => c.Texts.SequenceEqual(["bueno"]) && c.Skipped.SequenceEqual([0]));
        Assert.Contains(_calls, c => c.Texts.SequenceEqual(["good", "😀"]) && c.Skipped.Length == 0);
    }

    [Fact]
    public async Task Classify_NoModelReadsTheText_MakesNoModelCall()
    {
        var results = await ClassifyAsync(["bueno"], [Language("es")], anyLanguage: false, [new("sentiment", ModelLanguages.English)]);

        Assert.Empty(_calls);
        Assert.True(results[0].Predictions!["sentiment"].IsUnsupportedLanguage);
    }

    [Fact]
    public async Task Classify_AnyLanguage_EveryModelLabelsEveryTextAndTheLanguageIsStillReported()
    {
        var results = await ClassifyAsync(["good", "bueno"], [Language("en"), Language("es")], anyLanguage: true);

        Assert.Equal("label-of-bueno", results[1].Predictions!["sentiment"].Label);
        Assert.Equal("es", results[1].Language?.Code);
        Assert.Single(_calls);
    }

    private static DetectedLanguage Language(string code) => new(code, 0.9f);

    private Task<IReadOnlyList<TextClassification>> ClassifyAsync(string[] texts, DetectedLanguage?[] languages, bool anyLanguage, LanguageRouting.RoutedModel[]? models = null)
    {
        var routed = models ?? Models;
        return LanguageRouting.ClassifyAsync(texts, languages, routed, anyLanguage, (group, skipped) =>
        {
            lock (_calls)
            {
                _calls.Add(([.. group], [.. skipped.Order()]));
            }

            IReadOnlyList<TextClassification> outcomes = [.. group.Select(t => TextClassification.Success(routed
                .Where((_, i) => !skipped.Contains(i))
                .ToDictionary(m => m.Name, _ => new Prediction($"label-of-{t}", 1, new Dictionary<string, float>(), [1f], 3))))];
            return Task.FromResult(outcomes);
        });
    }
}
