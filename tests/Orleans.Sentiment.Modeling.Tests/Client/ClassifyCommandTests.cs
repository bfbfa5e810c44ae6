using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Tests.ModelFolders;

namespace Orleans.Sentiment.Modeling.Tests.Client;

public sealed class ClassifyCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Classify_JsonlWithABadLine_WritesEveryGoodRecordInInputOrderWithLogitsAndTokens()
    {
        var model = _folder.Combine("feedback");
        TinyFolders.Write(model);
        var input = _folder.Combine("in.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"id": "a", "text": "the app does not work again"}""",
            """{"id": 7, "text": "great"}""",
            """{"id": "bad", "body": "no text field"}""",
            """{"text": "please add a dark mode, my eyes hurt"}""",
        ]);
        var output = _folder.Combine("out.jsonl");

        var exitCode = await CliRunner.RunAsync("classify", "--model", model, "--input", input, "--output", output, "--batch-size", "2");

        Assert.Equal(0, exitCode);
        var lines = (await File.ReadAllLinesAsync(output)).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(["a", "7", null], lines.Select(l => (string?)l["id"]));
        string[] texts = ["the app does not work again", "great", "please add a dark mode, my eyes hurt"];
        Assert.Equal(texts, lines.Select(l => (string?)l["text"]));
        using var classifier = OnnxTextClassifier.Load("feedback", model);
        var expected = classifier.Classify(texts);
        for (var i = 0; i < texts.Length; i++)
        {
            var prediction = lines[i]["predictions"]!["feedback"]!;
            Assert.Equal(expected[i].Label, (string?)prediction["label"]);
            Assert.Equal(expected[i].Logits, prediction["logits"]!.AsArray().Select(v => (float)v!));
            Assert.Equal(expected[i].TokenCount, (int)lines[i]["tokens"]!);
            Assert.Equal(TinyFolders.Labels, prediction["scores"]!.AsObject().Select(s => s.Key));
        }
    }

    [Fact]
    public async Task Classify_TwoModelFolders_KeysPredictionsByFolderName()
    {
        TinyFolders.Write(_folder.Combine("sentiment"), seed: 1);
        TinyFolders.Write(_folder.Combine("topics"), TransformerFamily.DistilBert, seed: 2);
        var input = _folder.Combine("in.txt");
        await File.WriteAllLinesAsync(input, ["bug in the update", "love it"]);
        var output = _folder.Combine("out.jsonl");

        var exitCode = await CliRunner.RunAsync("classify", "--model", _folder.Combine("sentiment"), "--model", _folder.Combine("topics"), "--input", input, "--output", output);

        Assert.Equal(0, exitCode);
        var lines = (await File.ReadAllLinesAsync(output)).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Equal(["sentiment", "topics"], line["predictions"]!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task Classify_MissingModelFolder_ExitsWithOneAndWritesNothing()
    {
        var input = _folder.Combine("in.txt");
        await File.WriteAllLinesAsync(input, ["hello"]);
        var output = _folder.Combine("out.jsonl");

        var exitCode = await CliRunner.RunAsync("classify", "--model", _folder.Combine("absent"), "--input", input, "--output", output);

        Assert.Equal(1, exitCode);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Classify_InvalidJsonLine_ReportsTheLineWithoutQuotingItsText()
    {
        var model = _folder.Combine("feedback");
        TinyFolders.Write(model);
        var input = _folder.Combine("in.jsonl");
        await File.WriteAllLinesAsync(input, ["""{"text": "fine"}""", "nosecretword here"]);
        var errors = new StringWriter();
        var previous = Console.Error;
        Console.SetError(errors);
        try
        {
            await CliRunner.RunAsync("classify", "--model", model, "--input", input, "--output", _folder.Combine("out.jsonl"));
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Contains($"{input}:2: skipped: invalid JSON", errors.ToString());
        Assert.DoesNotContain("nosecretword", errors.ToString());
    }
}
