using System.Text.Json;
using Orleans.Sentiment.Inference.Tokenization;

namespace Orleans.Sentiment.Tokenization.Tests;

/// <summary>
/// The committed hard strings and the ids Hugging Face tokenizers gave for them (tools/tokenizer-parity).
/// </summary>
internal static class ParityCases
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Parity");

    public static IReadOnlyList<HardString> HardStrings { get; } = LoadStrings("hard-strings.json");

    /// <summary>The hard strings, then the multilingual ones: what the Unigram tokenizers are checked on.</summary>
    public static IReadOnlyList<HardString> HardAndMultilingualStrings { get; } = [.. HardStrings, .. LoadStrings("multilingual-strings.json")];

    /// <summary>
    /// The folder's tokenizer gives the ids of Parity/expected-<paramref name="expectedName"/>.json for every string,
    /// without and with truncation; a failure lists the mismatches.
    /// </summary>
    public static void AssertMatches(string folder, string expectedName, IReadOnlyList<HardString> strings)
    {
        var tokenizer = TokenizerLoader.Load(folder);
        var expected = Expected(expectedName);
        Assert.Equal(expected.Names, strings.Select(s => s.Name));

        var mismatches = new List<string>();
        for (var i = 0; i < strings.Count; i++)
        {
            var full = tokenizer.Encode(strings[i].Text);
            if (!full.SequenceEqual(expected.Ids[i]))
            {
                mismatches.Add($"{strings[i].Name}: expected [{string.Join(",", expected.Ids[i])}] got [{string.Join(",", full)}]");
            }

            var truncated = tokenizer.Encode(strings[i].Text, expected.TruncatedTo);
            if (!truncated.SequenceEqual(expected.IdsTruncated[i]))
            {
                mismatches.Add($"{strings[i].Name} (max {expected.TruncatedTo}): expected [{string.Join(",", expected.IdsTruncated[i])}] got [{string.Join(",", truncated)}]");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches of {strings.Count * 2}:\n{string.Join("\n", mismatches.Take(25))}");
    }

    public static ExpectedIds Expected(string tokenizerName)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, $"expected-{tokenizerName}.json")));
        var root = document.RootElement;
        var cases = root.GetProperty("cases").EnumerateArray().ToArray();
        return new ExpectedIds(
            root.GetProperty("truncatedTo").GetInt32(),
            [.. cases.Select(c => c.GetProperty("name").GetString()!)],
            [.. cases.Select(c => Ids(c.GetProperty("ids")))],
            [.. cases.Select(c => Ids(c.GetProperty("idsTruncated")))]);
    }

    private static int[] Ids(JsonElement array) => [.. array.EnumerateArray().Select(i => i.GetInt32())];

    private static List<HardString> LoadStrings(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, file)));
        return [.. document.RootElement.EnumerateArray().Select(e => new HardString(
            e.GetProperty("name").GetString()!,
            e.TryGetProperty("text", out var text)
                ? text.GetString()!
                // Unpaired surrogates are stored as UTF-16 code units: JSON readers refuse them inside strings.
                : new string([.. e.GetProperty("utf16").EnumerateArray().Select(u => (char)u.GetInt32())])))];
    }
}

internal sealed record HardString(string Name, string Text);

internal sealed record ExpectedIds(int TruncatedTo, string[] Names, int[][] Ids, int[][] IdsTruncated);
