using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Tests.ModelFolders;

namespace Orleans.Sentiment.Modeling.Tests.Client;

public sealed class ModelSynthCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ModelSynth_Tiny_WritesAFolderTheRuntimeLoadsWithTheGivenLabels()
    {
        var output = _folder.Combine("tiny");

        var exitCode = await CliRunner.RunAsync("model", "synth", "--arch", "tiny", "--labels", "bug,request,praise", "--out", output, "--seed", "5");

        Assert.Equal(0, exitCode);
        using var classifier = OnnxTextClassifier.Load("tiny", output);
        Assert.Equal(["bug", "request", "praise"], classifier.Labels);
        Assert.Equal(3, classifier.Classify(["the app crashes"])[0].Logits.Length);
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "config.json")))!;
        Assert.Equal("bert", (string?)config["model_type"]);
        Assert.Equal("[PAD]", (string?)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "tokenizer_config.json")))!["pad_token"]);
    }

    [Fact]
    public async Task ModelSynth_TinyXlmRoberta_WritesAnXlmRobertaFolderWithAUnigramTokenizerTheRuntimeLoads()
    {
        var output = _folder.Combine("xlmr");

        var exitCode = await CliRunner.RunAsync("model", "synth", "--arch", "tiny-xlm-roberta", "--labels", "negative,positive", "--out", output);

        Assert.Equal(0, exitCode);
        using var classifier = OnnxTextClassifier.Load("xlmr", output);
        var ids = classifier.Tokenizer.Encode("Ｔｈｅ app is great");
        Assert.Equal([0, 2], new[] { ids[0], ids[^1] });
        Assert.Equal(2, classifier.Classify(["très bien"])[0].Logits.Length);
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "config.json")))!;
        Assert.Equal("xlm-roberta", (string?)config["model_type"]);
        Assert.Equal("Unigram", (string?)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "tokenizer.json")))!["model"]!["type"]);
    }

    [Fact]
    public async Task ModelSynth_SameSeedTwice_WritesIdenticalGraphs()
    {
        await CliRunner.RunAsync("model", "synth", "--arch", "tiny", "--labels", "a,b", "--out", _folder.Combine("one"), "--seed", "3");
        await CliRunner.RunAsync("model", "synth", "--arch", "tiny", "--labels", "a,b", "--out", _folder.Combine("two"), "--seed", "3");

        Assert.Equal(await File.ReadAllBytesAsync(_folder.Combine("one", "onnx", "model.onnx")), await File.ReadAllBytesAsync(_folder.Combine("two", "onnx", "model.onnx")));
    }

    [Fact]
    public async Task ModelSynth_RobertaWithoutTokenizer_ExitsWithOne()
    {
        var exitCode = await CliRunner.RunAsync("model", "synth", "--arch", "roberta-base", "--labels", "a,b", "--out", _folder.Combine("roberta"));

        Assert.Equal(1, exitCode);
        Assert.False(File.Exists(_folder.Combine("roberta", "onnx", "model.onnx")));
    }

    [Fact]
    public async Task ModelSynth_UnknownArch_IsRejectedByTheParser()
    {
        var exitCode = await CliRunner.RunAsync("model", "synth", "--arch", "gpt-5", "--labels", "a,b", "--out", _folder.Combine("x"));

        Assert.NotEqual(0, exitCode);
    }
}
