using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Safetensors;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Modeling.Pretrained;

/// <summary>
/// The encoder of a Hugging Face model folder (BERT, DistilBERT, RoBERTa or XLM-RoBERTa): its shape from <c>config.json</c> and
/// its weights from <c>model.safetensors</c>, under the names a sequence-classification model of that family uses
/// (<c>bert.encoder.layer.0...</c>), whether the checkpoint was saved as the bare encoder or with a head.
/// </summary>
public sealed record PretrainedEncoder(TransformerShape Shape, IReadOnlyDictionary<string, WeightTensor> Weights, string Directory)
{
    public const string WeightsFileName = "model.safetensors";

    public static PretrainedEncoder Load(string directory)
    {
        var configPath = Path.Combine(directory, "config.json");
        if (!File.Exists(configPath))
        {
            throw new InvalidDataException($"Base model folder '{directory}' has no config.json.");
        }

        if (SentencePieceModelFiles.MissingTokenizerJson(directory) is { } advice)
        {
            throw new InvalidDataException(advice);
        }

        var config = JsonNode.Parse(File.ReadAllText(configPath))?.AsObject() ?? throw new InvalidDataException($"{configPath} is empty.");
        var shape = ReadShape(config, configPath);
        var weightsPath = Path.Combine(directory, WeightsFileName);
        if (!File.Exists(weightsPath))
        {
            var pickled = new[] { "pytorch_model.bin", "tf_model.h5", "flax_model.msgpack" }.FirstOrDefault(f => File.Exists(Path.Combine(directory, f)));
            throw new InvalidDataException(pickled is not null
                ? $"Base model folder '{directory}' has {pickled} but no {WeightsFileName}. Only safetensors weights are read (a pickled checkpoint can run code when loaded): convert it once, e.g. with transformers: AutoModel.from_pretrained(dir).save_pretrained(dir, safe_serialization=True)."
                : $"Base model folder '{directory}' has no {WeightsFileName}.");
        }

        var raw = SafetensorsFile.Read(weightsPath);
        var names = new ParameterNames(shape.Family);
        var prefix = names.Prefix + ".";
        var weights = new Dictionary<string, WeightTensor>(StringComparer.Ordinal);
        foreach (var (key, tensor) in raw)
        {
            var name = key.Replace(".gamma", ".weight", StringComparison.Ordinal).Replace(".beta", ".bias", StringComparison.Ordinal);
            if (name.StartsWith("embeddings.", StringComparison.Ordinal) || name.StartsWith("encoder.", StringComparison.Ordinal)
                || name.StartsWith("pooler.", StringComparison.Ordinal) || name.StartsWith("transformer.", StringComparison.Ordinal))
            {
                name = prefix + name;
            }

            weights[name] = tensor;
        }

        var missing = EncoderParameterNames(shape, names).Where(n => !weights.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{weightsPath} lacks {missing.Count} encoder weight(s) of a {shape.Family} model, e.g. {string.Join(", ", missing.Take(3))}.");
        }

        var table = weights[names.WordEmbeddings + ".weight"];
        if (table.Shape[0] != shape.VocabSize || table.Shape[1] != shape.Hidden)
        {
            throw new InvalidDataException($"{weightsPath}: word embeddings are [{string.Join(", ", table.Shape)}], config.json says [{shape.VocabSize}, {shape.Hidden}].");
        }

        return new PretrainedEncoder(shape, weights, directory);
    }

    /// <summary>The parameters every encoder of the family has (embeddings and layers; not the head).</summary>
    public static IEnumerable<string> EncoderParameterNames(TransformerShape shape, ParameterNames names)
    {
        yield return names.WordEmbeddings + ".weight";
        yield return names.PositionEmbeddings + ".weight";
        if (shape.TypeVocabSize > 0)
        {
            yield return names.TokenTypeEmbeddings + ".weight";
        }

        foreach (var norm in new[] { names.EmbeddingNorm })
        {
            yield return norm + ".weight";
            yield return norm + ".bias";
        }

        for (var layer = 0; layer < shape.Layers; layer++)
        {
            foreach (var module in new[]
            {
                names.Query(layer), names.Key(layer), names.Value(layer), names.AttentionOutput(layer), names.AttentionNorm(layer),
                names.FeedForwardIn(layer), names.FeedForwardOut(layer), names.OutputNorm(layer),
            })
            {
                yield return module + ".weight";
                yield return module + ".bias";
            }
        }
    }

    private static TransformerShape ReadShape(JsonObject config, string path)
    {
        var type = ((string?)config["model_type"])?.ToLowerInvariant();
        int Int(string field) => config[field]?.GetValue<int>() ?? throw new InvalidDataException($"{path} has no '{field}'.");
        double Double(string field, double fallback) => config[field] is JsonValue v ? v.GetValue<double>() : fallback;
        int IntOr(string field, int fallback) => config[field] is JsonValue v ? v.GetValue<int>() : fallback;
        TransformerShape shape;
        switch (type)
        {
            case "distilbert":
                RequireGelu((string?)config["activation"] ?? "gelu", path);
                if (config["sinusoidal_pos_embds"] is JsonValue sinusoidal && sinusoidal.GetValue<bool>())
                {
                    throw new InvalidDataException($"{path}: sinusoidal position embeddings are not supported.");
                }

                shape = new TransformerShape(TransformerFamily.DistilBert, Int("n_layers"), Int("dim"), Int("n_heads"), Int("hidden_dim"), Int("max_position_embeddings"), Int("vocab_size"), 0, 1e-12, IntOr("pad_token_id", 0));
                break;
            case "bert":
            case "roberta":
            case "xlm-roberta":
                RequireGelu((string?)config["hidden_act"] ?? "gelu", path);
                if ((string?)config["position_embedding_type"] is { } positions && positions != "absolute")
                {
                    throw new InvalidDataException($"{path}: position_embedding_type '{positions}' is not supported (only 'absolute').");
                }

                var family = type switch { "roberta" => TransformerFamily.Roberta, "xlm-roberta" => TransformerFamily.XlmRoberta, _ => TransformerFamily.Bert };
                var roberta = family.HasRobertaArchitecture();
                shape = new TransformerShape(
                    family, Int("num_hidden_layers"), Int("hidden_size"), Int("num_attention_heads"), Int("intermediate_size"),
                    Int("max_position_embeddings"), Int("vocab_size"), IntOr("type_vocab_size", roberta ? 1 : 2), Double("layer_norm_eps", 1e-12), IntOr("pad_token_id", roberta ? 1 : 0));
                break;
            default:
                throw new InvalidDataException($"{path}: model_type '{type}' is not supported (bert, distilbert, roberta or xlm-roberta).");
        }

        shape.Validate();
        return shape;
    }

    private static void RequireGelu(string activation, string path)
    {
        if (activation != "gelu")
        {
            throw new InvalidDataException($"{path}: activation '{activation}' is not supported (only exact 'gelu').");
        }
    }
}
