using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference.Languages;

namespace Orleans.Sentiment.Inference;

/// <summary>The parts of a Hugging Face <c>config.json</c> that classification needs.</summary>
public sealed record ModelConfig(IReadOnlyList<string> Labels, ProblemType ProblemType, string? ModelType, int? MaxPositionEmbeddings)
{
    public const string FileName = "config.json";

    private static readonly HashSet<string> PaddingOffsetPositions = new(StringComparer.OrdinalIgnoreCase) { "roberta", "xlm-roberta", "camembert" };

    /// <summary>The languages the model reads (<see cref="ModelLanguages.Read"/>).</summary>
    public ModelLanguages Languages { get; init; } = ModelLanguages.English;

    /// <summary><c>pad_token_id</c>, when config.json names one.</summary>
    public int? PadTokenId { get; init; }

    /// <summary>
    /// Longest sequence the position table allows. RoBERTa-style models number positions from
    /// pad_token_id + 1, so 514 positions hold 512 tokens.
    /// </summary>
    public int? MaxSequenceLength => MaxPositionEmbeddings is { } positions && ModelType is { } type && PaddingOffsetPositions.Contains(type)
        ? positions - (PadTokenId ?? 1) - 1
        : MaxPositionEmbeddings;

    public static ModelConfig Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new ModelFolderException($"Model folder '{directory}' has no {FileName}.");
        }

        return Parse(File.ReadAllText(path), path, directory);
    }

    /// <summary>
    /// Reads the text of a config.json; <paramref name="source"/> names it in errors. <paramref name="directory"/>, when
    /// given, is the model folder, whose model card tells the languages when config.json does not.
    /// </summary>
    public static ModelConfig Parse(string json, string source, string? directory = null)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ModelFolderException($"{source} is not valid JSON: {e.Message}", e);
        }

        if (root is not JsonObject config)
        {
            throw new ModelFolderException($"{source} must hold a JSON object.");
        }

        var labels = ReadLabels(config, source);
        var problemType = (string?)config["problem_type"] == "multi_label_classification"
            ? ProblemType.MultiLabel
            : ProblemType.SingleLabel;
        var maxPositions = config["max_position_embeddings"]?.GetValue<int>();
        return new ModelConfig(labels, problemType, (string?)config["model_type"], maxPositions)
        {
            PadTokenId = config["pad_token_id"] is JsonValue pad && pad.TryGetValue<int>(out var padId) ? padId : null,
            Languages = ModelLanguages.Read(config, directory ?? "", source),
        };
    }

    private static string[] ReadLabels(JsonObject config, string path)
    {
        if (config["id2label"] is not JsonObject id2Label || id2Label.Count == 0)
        {
            throw new ModelFolderException($"{path} has no id2label: the model's labels are unknown.");
        }

        var labels = new string[id2Label.Count];
        foreach (var (key, value) in id2Label)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id >= labels.Length || labels[id] is not null)
            {
                throw new ModelFolderException($"{path}: id2label keys must be the ids 0..{labels.Length - 1}, found '{key}'.");
            }

            labels[id] = (string?)value ?? throw new ModelFolderException($"{path}: id2label[{key}] is not a string.");
        }

        if (config["label2id"] is JsonObject label2Id)
        {
            foreach (var (label, value) in label2Id)
            {
                var id = value?.GetValue<int>() ?? -1;
                if (id < 0 || id >= labels.Length || labels[id] != label)
                {
                    throw new ModelFolderException($"{path}: label2id['{label}'] = {id} disagrees with id2label.");
                }
            }
        }

        return labels;
    }
}
