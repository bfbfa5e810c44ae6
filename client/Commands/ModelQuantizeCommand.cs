using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Quantization;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// <c>model quantize</c>: writes <c>onnx/model_quantized.onnx</c>, dynamic int8 with per-channel weights, which
/// <c>--variant quantized</c> and <c>Models:N:Variant=quantized</c> load.
/// </summary>
internal static class ModelQuantizeCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model folder with onnx/model.onnx (or model.onnx).", Required = true };
        var output = new Option<string?>("--out") { Description = "Folder to write (default: the model folder itself); config and tokenizer files are copied there." };
        var reduceRange = new Option<bool>("--reduce-range") { Description = "7-bit weights, for x86 CPUs without VNNI (their u8×s8 instruction saturates)." };
        var command = new Command("quantize", "Write onnx/model_quantized.onnx: dynamic int8 (per-channel weights) for ONNX Runtime's CPU int8 kernels.")
        {
            model, output, reduceRange,
        };
        command.SetAction(parse =>
        {
            try
            {
                var watch = Stopwatch.StartNew();
                var (path, report) = ModelQuantizer.Quantize(parse.GetValue(model)!, parse.GetValue(output), new QuantizationOptions { ReduceRange = parse.GetValue(reduceRange) });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Wrote {path}: {report.QuantizedMatMuls} MatMul(s) in int8 ({report.QuantizedWeights} weights), {report.SkippedMatMuls} left in float; " +
                    $"{report.BytesBefore / 1048576.0:F1} MB → {report.BytesAfter / 1048576.0:F1} MB in {watch.Elapsed.TotalSeconds:F1} s."));
                return 0;
            }
            catch (Exception e) when (e is ModelFolderException or QuantizationException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }
}
