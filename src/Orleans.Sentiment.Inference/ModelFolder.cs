namespace Orleans.Sentiment.Inference;

/// <summary>
/// A Hugging Face style model folder: <c>config.json</c>, tokenizer files and an ONNX graph at
/// <c>onnx/model{_variant}.onnx</c> or <c>model{_variant}.onnx</c> (optimum and transformers.js layouts).
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
        var fileName = string.IsNullOrEmpty(variant) ? "model.onnx" : $"model_{variant}.onnx";
        string[] candidates = [Path.Combine(directory, "onnx", fileName), Path.Combine(directory, fileName)];
        var onnx = candidates.FirstOrDefault(File.Exists)
            ?? throw new ModelFolderException(
                $"Model folder '{directory}' has no ONNX graph: looked for {string.Join(" and ", candidates.Select(c => Path.GetRelativePath(directory, c)))}.");
        return new ModelFolder(directory, onnx, config);
    }
}
