namespace Orleans.Sentiment.Inference;

/// <summary>
/// A Hugging Face style model folder: <c>config.json</c>, tokenizer files and an ONNX graph at
/// <c>onnx/model{_variant}.onnx</c> (optimum and transformers.js) or <c>model{_variant}.onnx</c> (plain export).
/// </summary>
public sealed record ModelFolder(string Directory, string OnnxPath, ModelConfig Config)
{
    public static ModelFolder Open(string directory, string? variant = null)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new ModelFolderException($"Model folder '{directory}' does not exist.");
        }

        var config = ModelConfig.Load(directory);
        var fileName = OnnxFileName(variant);
        string[] candidates = [Path.Combine(directory, "onnx", fileName), Path.Combine(directory, fileName)];
        var onnx = candidates.FirstOrDefault(File.Exists)
            ?? throw new ModelFolderException(
                $"Model folder '{directory}' has no ONNX graph{(string.IsNullOrEmpty(variant) ? "" : $" for variant '{variant}'")}: " +
                $"looked for {string.Join(" and ", candidates.Select(c => Path.GetRelativePath(directory, c)))}{Available(directory)}.");
        if (SentencePieceModelFiles.MissingTokenizerJson(directory) is { } advice)
        {
            throw new ModelFolderException(advice);
        }

        return new ModelFolder(directory, onnx, config);
    }

    /// <summary>
    /// The file a variant names: none (or fp32) is <c>model.onnx</c>; <c>q8</c> is transformers.js's name for
    /// <c>model_quantized.onnx</c>; any other variant V is <c>model_V.onnx</c> (quantized, fp16, int8, ...).
    /// </summary>
    public static string OnnxFileName(string? variant)
    {
        if (!string.IsNullOrEmpty(variant) && !variant.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ModelFolderException($"ONNX variant '{variant}' may hold only letters, digits and '_' (for example 'quantized' or 'fp16').");
        }

        return variant?.ToLowerInvariant() switch
        {
            null or "" or "fp32" => "model.onnx",
            "q8" => "model_quantized.onnx",
            _ => $"model_{variant}.onnx",
        };
    }

    private static string Available(string directory)
    {
        var found = new[] { directory, Path.Combine(directory, "onnx") }
            .Where(System.IO.Directory.Exists)
            .SelectMany(d => System.IO.Directory.EnumerateFiles(d, "*.onnx"))
            .Select(f => Path.GetRelativePath(directory, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        return found.Count == 0 ? "" : $" (found {string.Join(", ", found)})";
    }
}
