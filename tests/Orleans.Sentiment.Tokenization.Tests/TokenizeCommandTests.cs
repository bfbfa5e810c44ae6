using System.Text.Json;
using Orleans.Sentiment.Client.Commands;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Tokenization.Tests;

/// <summary><c>client tokenize</c> end to end: files in, one JSON array of Hugging Face ids per line out.</summary>
public sealed class TokenizeCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SharedDataFact]
    public async Task Tokenize_HardStringsJsonl_WritesHuggingFaceIdsOnePerLine()
    {
        // JSON lines carry newlines and tabs inside texts; unpaired surrogates cannot travel in a JSON file.
        var cases = ParityCases.HardStrings.Select((s, i) => (s, i)).Where(c => HasOnlyPairs(c.s.Text)).ToList();
        var input = _folder.Write("input.jsonl", string.Join("\n", cases.Select(c => JsonSerializer.Serialize(new { text = c.s.Text }))) + "\n");
        var output = Path.Combine(_folder.Path, "ids.jsonl");

        var exitCode = await TokenizeCommand.Create().Parse(["--model", SharedTokenizerFolders.DistilBert, "--input", input, "--output", output]).InvokeAsync();

        Assert.Equal(0, exitCode);
        var expected = ParityCases.Expected("distilbert-base-uncased");
        var lines = File.ReadAllLines(output);
        Assert.Equal(cases.Count, lines.Length);
        for (var k = 0; k < cases.Count; k++)
        {
            Assert.Equal(expected.Ids[cases[k].i], JsonSerializer.Deserialize<int[]>(lines[k]));
        }
    }

    [SharedDataFact]
    public async Task Tokenize_MaxLength_TruncatesLikeHuggingFace()
    {
        var cases = ParityCases.HardStrings.Select((s, i) => (s, i)).Where(c => c.s.Name.StartsWith("feedback-", StringComparison.Ordinal)).ToList();
        var input = _folder.Write("input.txt", string.Join("\n", cases.Select(c => c.s.Text)) + "\n");
        var output = Path.Combine(_folder.Path, "ids.jsonl");
        var expected = ParityCases.Expected("twitter-roberta-base");

        var exitCode = await TokenizeCommand.Create()
            .Parse(["--model", SharedTokenizerFolders.Roberta, "--input", input, "--output", output, "--max-length", expected.TruncatedTo.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            .InvokeAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(cases.Select(c => expected.IdsTruncated[c.i]), File.ReadAllLines(output).Select(l => JsonSerializer.Deserialize<int[]>(l)!));
    }

    [Fact]
    public async Task Tokenize_UnigramFolder_WritesHuggingFaceIds()
    {
        using var folders = new UnigramTokenizerFolders();
        var cases = ParityCases.HardAndMultilingualStrings.Select((s, i) => (s, i)).Where(c => c.s.Name.StartsWith("ml-", StringComparison.Ordinal) && HasOnlyPairs(c.s.Text)).ToList();
        var input = _folder.Write("input.jsonl", string.Join("\n", cases.Select(c => JsonSerializer.Serialize(new { text = c.s.Text }))) + "\n");
        var output = Path.Combine(_folder.Path, "ids.jsonl");

        var exitCode = await TokenizeCommand.Create().Parse(["--model", folders.Variant("unigram-xlmr"), "--input", input, "--output", output]).InvokeAsync();

        Assert.Equal(0, exitCode);
        var expected = ParityCases.Expected("unigram-xlmr");
        Assert.Equal(cases.Select(c => expected.Ids[c.i]), File.ReadAllLines(output).Select(l => JsonSerializer.Deserialize<int[]>(l)!));
    }

    [Fact]
    public async Task Tokenize_FolderWithoutTokenizer_FailsWithExitCode2()
    {
        var input = _folder.Write("input.txt", "hello\n");

        var exitCode = await TokenizeCommand.Create().Parse(["--model", _folder.Path, "--input", input, "--output", Path.Combine(_folder.Path, "out.jsonl")]).InvokeAsync();

        Assert.Equal(2, exitCode);
    }

    private static bool HasOnlyPairs(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
