using Microsoft.ML.OnnxRuntime;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Onnx.Proto;
using Orleans.Sentiment.Modeling.Quantization;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Tests.ModelFolders;
using Orleans.Sentiment.Modeling.Tests.Synthetic;

namespace Orleans.Sentiment.Modeling.Tests.Quantization;

public sealed class DynamicQuantizerTests : IDisposable
{
    private static readonly string[] Texts =
    [
        "the app is great",
        "it does not work again and the update did not help at all, please fix",
        "bug",
        "i love the new feature but it is slow",
        "refund please, the order never arrived",
        "why does the login fail every morning",
        "fantastic support, thanks a lot",
        "meh",
    ];

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(TransformerFamily.Bert)]
    [InlineData(TransformerFamily.DistilBert)]
    [InlineData(TransformerFamily.Roberta)]
    public void Quantize_EachFamilyGraph_LoadsAndFollowsFp32Logits(TransformerFamily family)
    {
        var shape = TinyShapes.For(family);
        var weights = SynthWeightsGenerator.Generate(shape, TinyFolders.Labels, TinyShapes.Strict());
        var fp32Graph = TransformerGraphWriter.Build(weights);
        var random = new Random(3);
        var sequences = new[] { 9, 3, 17, 2, 12, 6 }
            .Select(length => Enumerable.Range(0, length).Select(_ => random.Next(shape.PadTokenId + 1, shape.VocabSize)).ToArray())
            .ToArray();

        var int8Graph = DynamicQuantizer.Quantize(fp32Graph, new QuantizationOptions(), out var report);

        Assert.Equal(6 * shape.Layers, report.QuantizedMatMuls - 1);
        using var fp32 = new OnnxRunner(fp32Graph);
        using var int8 = new OnnxRunner(int8Graph);
        var expected = fp32.Run(sequences, shape.PadTokenId);
        var actual = int8.Run(sequences, shape.PadTokenId);
        var range = expected.SelectMany(l => l).Max(Math.Abs);
        var error = expected.Zip(actual).SelectMany(p => p.First.Zip(p.Second, (a, b) => Math.Abs(a - b))).Max();
        Assert.True(error <= (0.05 * range) + 0.02, $"largest logit error {error} against logits up to {range}");
        Assert.True(expected.Zip(actual).Count(p => ArgMax(p.First) == ArgMax(p.Second)) >= sequences.Length - 1, "int8 changed more than one label");
    }

    [Theory]
    [InlineData(TransformerFamily.Bert)]
    [InlineData(TransformerFamily.DistilBert)]
    public void Quantize_TinyModelFolder_VariantQuantizedLoadsAndAgrees(TransformerFamily family)
    {
        WriteModel(family);

        var (path, _) = ModelQuantizer.Quantize(_folder.Path);

        Assert.Equal(Path.Combine(_folder.Path, "onnx", "model_quantized.onnx"), path);
        using var fp32 = OnnxTextClassifier.Load("fp32", _folder.Path);
        using var int8 = OnnxTextClassifier.Load("int8", _folder.Path, new OnnxClassifierOptions { Variant = "quantized" });
        Assert.Equal(path, int8.OnnxPath);
        var expected = fp32.Classify(Texts);
        var actual = int8.Classify(Texts);
        Assert.True(expected.Zip(actual).Count(p => p.First.Label == p.Second.Label) >= Texts.Length - 1, "int8 changed more than one label");
    }

    private static int ArgMax(float[] values) => Array.IndexOf(values, values.Max());

    [Fact]
    public void Quantize_Graph_HasQuantizeDynamicsMatMulIntegerPatternWithPerChannelInt8Weights()
    {
        WriteModel(TransformerFamily.DistilBert);

        var (path, report) = ModelQuantizer.Quantize(_folder.Path);

        var graph = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph;
        var ops = graph.Node.GroupBy(n => n.OpType).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(report.QuantizedMatMuls, ops["MatMulInteger"]);
        Assert.Equal(report.SkippedMatMuls, ops.GetValueOrDefault("MatMul"));
        // One DynamicQuantizeLinear per activation: query, key and value share theirs.
        Assert.True(ops["DynamicQuantizeLinear"] < report.QuantizedMatMuls);
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        foreach (var node in graph.Node.Where(n => n.OpType == "MatMulInteger"))
        {
            var weight = initializers[node.Input[1]];
            var zeroPoint = initializers[node.Input[3]];
            Assert.Equal((int)TensorProto.Types.DataType.Int8, weight.DataType);
            Assert.Equal((int)TensorProto.Types.DataType.Int8, zeroPoint.DataType);
            Assert.Equal([weight.Dims[1]], zeroPoint.Dims);
            Assert.All(zeroPoint.RawData.ToByteArray(), b => Assert.Equal(0, b));
            var scale = initializers[weight.Name.Replace("_quantized", "_scale", StringComparison.Ordinal)];
            Assert.Equal([weight.Dims[1]], scale.Dims);
        }

        // The float weights of quantized MatMuls are gone.
        Assert.DoesNotContain(graph.Initializer, t => t.DataType == (int)TensorProto.Types.DataType.Float && t.Dims.Count == 2 && initializers.ContainsKey(t.Name + "_quantized"));
    }

    [Fact]
    public void Quantize_OutFolder_WritesCompleteLoadableFolder()
    {
        var model = Path.Combine(_folder.Path, "model");
        var output = Path.Combine(_folder.Path, "out");
        TinyFolders.Write(model, TransformerFamily.Bert);

        ModelQuantizer.Quantize(model, output);

        Assert.True(File.Exists(Path.Combine(output, "config.json")));
        Assert.True(File.Exists(Path.Combine(output, "onnx", "model_quantized.onnx")));
        Assert.False(File.Exists(Path.Combine(output, "onnx", "model.onnx")));
        Assert.Equal(
            Directory.EnumerateFiles(model).Select(Path.GetFileName).Order(),
            Directory.EnumerateFiles(output).Select(Path.GetFileName).Order());
        using var classifier = OnnxTextClassifier.Load("int8", output, new OnnxClassifierOptions { Variant = "quantized" });
        Assert.Equal(TinyFolders.Labels, classifier.Labels);
        Assert.Equal(Texts.Length, classifier.Classify(Texts).Count);
    }

    [Fact]
    public void Quantize_AlreadyQuantizedGraph_ThrowsSayingSo()
    {
        WriteModel(TransformerFamily.Bert);
        var (path, _) = ModelQuantizer.Quantize(_folder.Path);
        File.Copy(path, Path.Combine(_folder.Path, "onnx", "model.onnx"), overwrite: true);

        var error = Assert.Throws<QuantizationException>(() => ModelQuantizer.Quantize(_folder.Path));

        Assert.Contains("already quantized", error.Message);
    }

    [Fact]
    public void Quantize_SessionOptimizer_FusesIntoIntegerMatMulKernels()
    {
        WriteModel(TransformerFamily.DistilBert);
        var (path, report) = ModelQuantizer.Quantize(_folder.Path);
        var optimized = Path.Combine(_folder.Path, "optimized.onnx");

        using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, OptimizedModelFilePath = optimized })
        using (new InferenceSession(path, options))
        {
        }

        var ops = ModelProto.Parser.ParseFrom(File.ReadAllBytes(optimized)).Graph.Node.Select(n => n.OpType).ToList();
        Assert.DoesNotContain("MatMulInteger", ops);
        Assert.Equal(report.QuantizedMatMuls, ops.Count(op => op is "MatMulIntegerToFloat" or "DynamicQuantizeMatMul"));
    }

    private void WriteModel(TransformerFamily family) => TinyFolders.Write(_folder.Path, family);
}
