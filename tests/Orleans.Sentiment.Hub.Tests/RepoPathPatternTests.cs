namespace Orleans.Sentiment.Hub.Tests;

public sealed class RepoPathPatternTests
{
    [Theory]
    [InlineData("*.json", "config.json", true)]
    [InlineData("*.json", "onnx/config.json", true)] // fnmatch's * crosses folders, as in huggingface_hub.
    [InlineData("*.json", "config.json.bak", false)]
    [InlineData("onnx/", "onnx/model.onnx", true)]
    [InlineData("onnx/", "model.onnx", false)]
    [InlineData("model_?.onnx", "model_a.onnx", true)]
    [InlineData("model_?.onnx", "model_ab.onnx", false)]
    [InlineData("model_[ab].onnx", "model_b.onnx", true)]
    [InlineData("model_[!ab].onnx", "model_b.onnx", false)]
    [InlineData("a+b(c).txt", "a+b(c).txt", true)]
    [InlineData("a[", "a[", true)]
    [InlineData("a[]", "a[]", true)]
    public void IsMatch_FnmatchPattern_MatchesLikePython(string pattern, string path, bool expected) =>
        Assert.Equal(expected, new RepoPathPattern(pattern).IsMatch(path));
}
