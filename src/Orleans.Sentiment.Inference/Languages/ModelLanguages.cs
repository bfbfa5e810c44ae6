using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Inference.Languages;

/// <summary>
/// The languages a model reads: ISO 639-1 codes, or any language. A comment identified as another language is not
/// labelled by the model but marked <see cref="Prediction.UnsupportedLanguageLabel"/>, so noise never passes as a label.
/// </summary>
public sealed partial record ModelLanguages
{
    /// <summary>The <c>languages</c> entry of config.json that means every language (multilingual models).</summary>
    public const string AnyLanguage = "*";

    public const string FieldName = "languages";

    /// <summary>Vocabularies above this size are multilingual (mBERT 119,547, XLM-R 250,002, mDeBERTa 251,000); English ones hold 30–50k.</summary>
    private const int MultilingualVocabulary = 100_000;

    private static readonly Dictionary<string, string> LanguageOfModelType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["camembert"] = "fr",
        ["flaubert"] = "fr",
    };

    private static readonly HashSet<string> MultilingualModelTypes = new(StringComparer.OrdinalIgnoreCase) { "xlm-roberta", "xlm", "mt5", "rembert" };

    private ModelLanguages(bool any, IReadOnlyList<string> codes) => (IsAny, Codes) = (any, codes);

    public static ModelLanguages Any { get; } = new(true, []);

    public static ModelLanguages English { get; } = new(false, ["en"]);

    /// <summary>True for multilingual models: every comment is classified.</summary>
    public bool IsAny { get; }

    public IReadOnlyList<string> Codes { get; }

    public static ModelLanguages Of(params string[] codes) => codes.Contains(AnyLanguage) ? Any : new(false, codes.Distinct().ToArray());

    public bool Supports(string code) => IsAny || Codes.Contains(code, StringComparer.Ordinal);

    /// <summary>As config.json and the README write it: ["*"] or the codes.</summary>
    public override string ToString() => IsAny ? AnyLanguage : string.Join(",", Codes);

    /// <summary>
    /// The model's languages: config.json's <c>languages</c>, else the model card's (README.md front matter
    /// <c>language:</c>), else what the architecture says (multilingual families and vocabularies, French CamemBERT),
    /// else English, the language of the BERT, DistilBERT and RoBERTa checkpoints this project and most hub
    /// sentiment models are built on.
    /// </summary>
    public static ModelLanguages Read(JsonObject config, string directory, string source)
    {
        if (config[FieldName] is { } declared)
        {
            return Parse(declared, source);
        }

        if (FromModelCard(directory) is { Count: > 0 } card)
        {
            return card.Contains("multilingual") ? Any : Of([.. card.Where(IsCode)]) is { Codes.Count: > 0 } known ? known : English;
        }

        var modelType = (string?)config["model_type"];
        if (modelType is not null && MultilingualModelTypes.Contains(modelType)
            || config["vocab_size"] is JsonValue vocab && vocab.TryGetValue<int>(out var size) && size > MultilingualVocabulary)
        {
            return Any;
        }

        return modelType is not null && LanguageOfModelType.TryGetValue(modelType, out var language) ? Of(language) : English;
    }

    private static ModelLanguages Parse(JsonNode declared, string source)
    {
        if (declared is not JsonArray array || array.Count == 0)
        {
            throw new ModelFolderException($"{source}: '{FieldName}' must be a non-empty array of ISO 639-1 codes such as [\"en\", \"es\"], or [\"*\"] for any language.");
        }

        var codes = new List<string>();
        foreach (var item in array)
        {
            var code = item is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (code is null || code != AnyLanguage && !IsCode(code))
            {
                throw new ModelFolderException($"{source}: '{FieldName}' holds '{item?.ToJsonString()}', which is not a two-letter lowercase ISO 639-1 code (such as \"en\") or \"*\".");
            }

            codes.Add(code);
        }

        return Of([.. codes]);
    }

    private static bool IsCode(string code) => IsoCode().IsMatch(code);

    /// <summary>The <c>language:</c> entry of a Hugging Face model card's YAML front matter, one value or a list.</summary>
    private static List<string>? FromModelCard(string directory)
    {
        var path = Path.Combine(directory, "README.md");
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = new StreamReader(path);
        if (reader.ReadLine()?.Trim() != "---")
        {
            return null;
        }

        List<string>? languages = null;
        for (var line = reader.ReadLine(); line is not null && line.Trim() != "---"; line = reader.ReadLine())
        {
            var item = line.TrimStart();
            if (languages is not null)
            {
                // The block list under an empty "language:": "- en" lines, indented or not.
                if (!item.StartsWith('-'))
                {
                    break;
                }

                languages.Add(item[1..].Trim().Trim('"', '\''));
            }
            else if (line.StartsWith("language:", StringComparison.Ordinal))
            {
                languages = [.. line["language:".Length..].Trim().Trim('[', ']')
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(v => v.Trim('"', '\''))];
                if (languages.Count > 0)
                {
                    break;
                }
            }
        }

        return languages;
    }

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex IsoCode();
}
