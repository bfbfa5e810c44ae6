using System.Text.Json.Nodes;
using Orleans.Sentiment.Hub.Tests.Fakes;
using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Tests.Synthetic;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Hub.Tests;

/// <summary>
/// An XLM-R sequence classifier published as hub exports are (tokenizer.json beside the slow tokenizer's
/// sentencepiece.bpe.model) pulls and classifies through the CLI with the logits of an independent forward pass.
/// </summary>
public sealed class XlmRobertaPullTests : IAsyncLifetime, IDisposable
{
    private const string RepoId = "acme/xlm-roberta-sentiment";
    private static readonly string[] Texts = ["the app is great", "Ｔｈｅ　update is terrible…", "très bien, merci", "这个很好", "ไม่ดี 😡", "नहीं है <mask>"];

    private readonly TempDirectory _temp = new();
    private FakeHub _hub = null!;
    private SynthWeights _weights = null!;

    public async Task InitializeAsync()
    {
        var source = Path.Combine(_temp.Path, "source");
        _weights = SyntheticModelWriter.Write(source, new SyntheticModelRequest(TransformerShape.TinyXlmRoberta, ["negative", "neutral", "positive"])
        {
            Initialization = new SynthInitialization { Seed = 3, WeightStandardDeviation = 0.2, RandomizeBiasesAndNorms = true },
        });
        var repo = new FakeRepo(RepoId);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(source, file).Replace('\\', '/');
            repo.Files[name] = new FakeFile(await File.ReadAllBytesAsync(file), lfs: name.EndsWith(".onnx", StringComparison.Ordinal));
        }

        repo.Files["sentencepiece.bpe.model"] = FakeFile.Large(40_000, seed: 4);
        repo.Files["model.safetensors"] = FakeFile.Large(60_000, seed: 5);
        _hub = await FakeHub.StartAsync();
        _hub.Add(repo);
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ModelPullThenClassify_XlmRobertaRepo_TakesTokenizerJsonAndMatchesTheReferenceLogits()
    {
        var pull = await RunAsync("model", "pull", RepoId);

        Assert.True(pull.ExitCode == 0, pull.Error);
        var snapshot = pull.Output.Trim();
        Assert.Equal(
            ["config.json", "onnx/model.onnx", "special_tokens_map.json", "tokenizer.json", "tokenizer_config.json"],
            Directory.EnumerateFiles(snapshot, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(snapshot, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        var input = Path.Combine(_temp.Path, "in.txt");
        await File.WriteAllLinesAsync(input, Texts);
        var output = Path.Combine(_temp.Path, "out.jsonl");

        var classify = await RunAsync("classify", "--model", snapshot, "--input", input, "--output", output);

        Assert.True(classify.ExitCode == 0, classify.Error);
        var lines = (await File.ReadAllLinesAsync(output)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(Texts.Length, lines.Count);
        var tokenizer = TokenizerLoader.Load(snapshot);
        var reference = new ReferenceEncoder(_weights);
        for (var i = 0; i < Texts.Length; i++)
        {
            var ids = tokenizer.Encode(Texts[i]);
            Assert.Equal([0, .. ids[1..^1], 2], ids);
            var expected = reference.Logits(ids);
            var actual = lines[i]["predictions"]!.AsObject().Single().Value!["logits"]!.AsArray().Select(v => (double)v!).ToArray();
            Assert.Equal(expected.Length, actual.Length);
            for (var label = 0; label < expected.Length; label++)
            {
                Assert.True(Math.Abs(expected[label] - actual[label]) < 1e-4, $"text {i} label {label}: reference {expected[label]}, classify {actual[label]}");
            }
        }
    }

    private Task<CliProcess.Result> RunAsync(params string[] arguments)
    {
        var variables = new[] { "HF_TOKEN", "HF_HUB_OFFLINE", "HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "HF_TOKEN_PATH", "HUGGING_FACE_HUB_TOKEN" }
            .ToDictionary(name => name, _ => (string?)null);
        variables["HF_HOME"] = Path.Combine(_temp.Path, "hf");
        variables["HF_ENDPOINT"] = _hub.Endpoint.AbsoluteUri;
        return CliProcess.RunAsync(arguments, variables);
    }
}
