using System.Text.Json;

namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>
/// <c>head_config.json</c> of a tenant model version: the labels in id order, single- or multi-label, the pooling the head
/// reads ("cls": the family's sequence-classification head on the first token; "mean": the attention-masked mean) and
/// whether the mean is L2-normalized first.
/// </summary>
public sealed record HeadConfig(IReadOnlyList<string> Labels, ProblemType ProblemType, HeadPooling Pooling, bool Normalize)
{
    public static HeadConfig Parse(byte[] json)
    {
        const string File = AdapterArtifact.HeadConfigFileName;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var labels = root.TryGetProperty("labels", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(l => l.GetString() ?? "").ToList()
                : throw new InvalidDataException($"{File}: 'labels' must be an array of label names.");
            if (labels.Count == 0 || labels.Any(string.IsNullOrEmpty) || labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
            {
                throw new InvalidDataException($"{File}: 'labels' must name at least one label, each once.");
            }

            var problem = Text(root, "problem_type", "single_label_classification") switch
            {
                "single_label_classification" => ProblemType.SingleLabel,
                "multi_label_classification" => ProblemType.MultiLabel,
                var other => throw new InvalidDataException($"{File}: 'problem_type' is '{other}', expected single_label_classification or multi_label_classification."),
            };
            var pooling = Text(root, "pooling", "cls") switch
            {
                "cls" => HeadPooling.Cls,
                "mean" => HeadPooling.Mean,
                var other => throw new InvalidDataException($"{File}: 'pooling' is '{other}', expected cls or mean."),
            };
            var normalize = root.TryGetProperty("normalize", out var n) && n.ValueKind == JsonValueKind.True;
            return new HeadConfig(labels, problem, pooling, normalize);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{File} is not valid JSON: {e.Message}", e);
        }
    }

    private static string Text(JsonElement root, string field, string fallback) =>
        root.TryGetProperty(field, out var value) ? value.GetString() ?? fallback : fallback;
}

/// <summary>What a tenant head reads from the shared encoder.</summary>
public enum HeadPooling
{
    /// <summary>The first token's last hidden state, through the family's sequence-classification head.</summary>
    Cls,

    /// <summary>The attention-masked mean of the last hidden state.</summary>
    Mean,
}
