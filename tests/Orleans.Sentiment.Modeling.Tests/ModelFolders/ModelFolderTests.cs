using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Modeling.Tests.ModelFolders;

public sealed class ModelFolderTests
{
    [Theory]
    [InlineData(null, "model.onnx")]
    [InlineData("", "model.onnx")]
    [InlineData("fp32", "model.onnx")]
    [InlineData("quantized", "model_quantized.onnx")]
    [InlineData("q8", "model_quantized.onnx")]
    [InlineData("fp16", "model_fp16.onnx")]
    [InlineData("int8", "model_int8.onnx")]
    public void OnnxFileName_Variant_NamesTheTransformersJsFile(string? variant, string expected)
    {
        Assert.Equal(expected, ModelFolder.OnnxFileName(variant));
    }

    [Theory]
    [InlineData("../model")]
    [InlineData("a/b")]
    [InlineData("fp16.onnx")]
    public void OnnxFileName_VariantWithPathCharacters_Throws(string variant)
    {
        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.OnnxFileName(variant));

        Assert.Contains(variant, error.Message);
    }
}
