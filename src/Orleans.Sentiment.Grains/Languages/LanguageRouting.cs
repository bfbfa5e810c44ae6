using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Languages;

namespace Orleans.Sentiment.Grains.Languages;

/// <summary>
/// Runs each text only through the models that read its language: texts are grouped by the models they skip, each group
/// is classified by the rest (no model call when none is left), and a skipped model's prediction is
/// <see cref="Prediction.UnsupportedLanguage"/>. Predictions keep the models' order, which names the window's model.
/// </summary>
internal static class LanguageRouting
{
    public readonly record struct RoutedModel(string Name, ModelLanguages Languages);

    /// <param name="texts">The texts, in order.</param>
    /// <param name="languages">Each text's language, or null where it could not be told.</param>
    /// <param name="models">The models of the call, in the order their predictions are keyed.</param>
    /// <param name="anyLanguage">Every model labels every text (a policy that counts unsupported languages); languages are still reported.</param>
    /// <param name="classify">Classifies texts with every model but the skipped positions.</param>
    public static async Task<IReadOnlyList<TextClassification>> ClassifyAsync(
        IReadOnlyList<string> texts,
        IReadOnlyList<DetectedLanguage?> languages,
        IReadOnlyList<RoutedModel> models,
        bool anyLanguage,
        Func<IReadOnlyList<string>, IReadOnlySet<int>, Task<IReadOnlyList<TextClassification>>> classify)
    {
        var skippedBy = Enumerable.Range(0, texts.Count)
            .Select(i => anyLanguage ? [] : Enumerable.Range(0, models.Count).Where(m => !LanguageGate.Reads(models[m].Languages, languages[i])).ToArray())
            .ToArray();
        var results = new TextClassification[texts.Count];
        await Task.WhenAll(Enumerable.Range(0, texts.Count).GroupBy(i => string.Join(',', skippedBy[i])).Select(async group =>
        {
            var members = group.ToArray();
            var skipped = skippedBy[members[0]].ToHashSet();
            var outcomes = skipped.Count == models.Count
                ? members.Select(_ => TextClassification.Success(new Dictionary<string, Prediction>())).ToArray()
                : await classify([.. members.Select(i => texts[i])], skipped);
            for (var k = 0; k < members.Length; k++)
            {
                results[members[k]] = Complete(outcomes[k], models, skipped) with { Language = languages[members[k]] };
            }
        }));

        return results;
    }

    private static TextClassification Complete(TextClassification outcome, IReadOnlyList<RoutedModel> models, HashSet<int> skipped)
    {
        if (skipped.Count == 0 || outcome.Predictions is not { } predictions)
        {
            return outcome;
        }

        var ordered = new Dictionary<string, Prediction>(StringComparer.Ordinal);
        for (var m = 0; m < models.Count; m++)
        {
            ordered[models[m].Name] = skipped.Contains(m) ? Prediction.UnsupportedLanguage : predictions[models[m].Name];
        }

        return TextClassification.Success(ordered);
    }
}
