using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Modeling.Quantization;

/// <summary>
/// Quantizes a model folder: reads its float graph (<c>onnx/model.onnx</c> or <c>model.onnx</c>) and writes
/// <c>onnx/model_quantized.onnx</c>, the file <c>--variant quantized</c> and <c>Models:N:Variant=quantized</c>
/// load. With another output folder, the folder's other files (config, tokenizer) are copied there too, so it
/// is a complete model folder.
/// </summary>
public static class ModelQuantizer
{
    public static readonly string QuantizedFileName = ModelFolder.OnnxFileName("quantized");

    /// <summary>Writes the quantized graph; returns its path and what changed.</summary>
    public static (string Path, QuantizationReport Report) Quantize(string modelDirectory, string? outDirectory = null, QuantizationOptions? options = null)
    {
        var folder = ModelFolder.Open(modelDirectory);
        var target = string.IsNullOrEmpty(outDirectory) ? modelDirectory : outDirectory;
        if (!SameFolder(modelDirectory, target))
        {
            CopyFolderFiles(modelDirectory, target);
        }

        var bytes = DynamicQuantizer.Quantize(File.ReadAllBytes(folder.OnnxPath), options ?? new QuantizationOptions(), out var report);
        if (report.QuantizedMatMuls == 0)
        {
            throw new QuantizationException($"{folder.OnnxPath} has no MatMul with a constant 2-D float weight to quantize (is it already quantized?).");
        }

        var path = Path.Combine(target, "onnx", QuantizedFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return (path, report);
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    /// <summary>Copies config and tokenizer files (not the ONNX graphs) so the output is a loadable folder.</summary>
    private static void CopyFolderFiles(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            if (!file.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".onnx_data", StringComparison.OrdinalIgnoreCase))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            }
        }
    }
}
