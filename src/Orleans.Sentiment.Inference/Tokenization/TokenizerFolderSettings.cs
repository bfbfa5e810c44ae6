using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// The settings around the vocabulary in a Hugging Face folder: <c>tokenizer_config.json</c>,
/// <c>special_tokens_map.json</c> and the model length from <c>config.json</c>.
/// </summary>
internal sealed class TokenizerFolderSettings
{
    private const int DefaultModelMaxLength = 512;
    private readonly JsonNode? _tokenizerConfig;
    private readonly JsonNode? _specialTokensMap;
    private readonly JsonNode? _modelConfig;

    private TokenizerFolderSettings(string directory)
    {
        Directory = directory;
        _tokenizerConfig = ReadJson(directory, "tokenizer_config.json");
        _specialTokensMap = ReadJson(directory, "special_tokens_map.json");
        _modelConfig = ReadJson(directory, "config.json");
    }

    public string Directory { get; }

    public static TokenizerFolderSettings Read(string directory) => new(directory);

    public string? ModelType => _modelConfig?["model_type"]?.GetValue<string>();

    /// <summary>
    /// <c>model_max_length</c> when set to a real limit; else the model's positions (RoBERTa-family models reserve
    /// the first two for padding offsets); else 512.
    /// </summary>
    public int ModelMaxLength
    {
        get
        {
            if (Number(_tokenizerConfig?["model_max_length"]) is { } configured and > 0 and < 1_000_000)
            {
                return (int)configured;
            }

            if (Number(_modelConfig?["max_position_embeddings"]) is { } positions and > 0)
            {
                var offset = ModelType is "roberta" or "xlm-roberta" or "camembert" or "longformer" ? 2 : 0;
                return (int)positions - offset;
            }

            return DefaultModelMaxLength;
        }
    }

    public bool? Flag(string name) => _tokenizerConfig?[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    /// <summary>A special token by its role (<c>unk_token</c>, <c>mask_token</c>…), from special_tokens_map.json or tokenizer_config.json.</summary>
    public AddedTokenSpec? SpecialToken(string role) => ParseToken(_specialTokensMap?[role]) ?? ParseToken(_tokenizerConfig?[role]);

    private static AddedTokenSpec? ParseToken(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var content) => new AddedTokenSpec(content, null, null, null),
        JsonObject obj when obj["content"]?.GetValue<string>() is { } content => new AddedTokenSpec(
            content, Bool(obj["lstrip"]), Bool(obj["rstrip"]), Bool(obj["single_word"])),
        _ => null,
    };

    private static bool? Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static JsonNode? ReadJson(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ModelFolderException($"{path} is not valid JSON: {e.Message}", e);
        }
    }
}

/// <summary>A special token as a folder declares it; unset flags take the tokenizer family's defaults.</summary>
internal sealed record AddedTokenSpec(string Content, bool? LeftStrip, bool? RightStrip, bool? SingleWord);
