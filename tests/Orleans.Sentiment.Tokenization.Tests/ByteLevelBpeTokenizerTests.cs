using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference.Tokenization;

namespace Orleans.Sentiment.Tokenization.Tests;

/// <summary>Byte-level BPE behaviour on a tiny hand-written tokenizer.json (no shared data needed).</summary>
public sealed class ByteLevelBpeTokenizerTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly Dictionary<string, int> _vocabulary = [];

    public void Dispose() => _folder.Dispose();

    /// <summary>All 256 byte symbols, the RoBERTa specials and the merges given (in rank order).</summary>
    private ITextTokenizer Load(string[] merges, bool addPrefixSpace = false)
    {
        foreach (var special in new[] { "<s>", "<pad>", "</s>", "<unk>" })
        {
            _vocabulary[special] = _vocabulary.Count;
        }

        var byteSymbols = ByteSymbols();
        foreach (var symbol in byteSymbols)
        {
            _vocabulary.TryAdd(symbol, _vocabulary.Count);
        }

        foreach (var merge in merges)
        {
            _vocabulary.TryAdd(merge.Replace(" ", string.Empty, StringComparison.Ordinal), _vocabulary.Count);
        }

        _vocabulary["<mask>"] = _vocabulary.Count;
        var vocab = new JsonObject();
        foreach (var (token, id) in _vocabulary)
        {
            vocab[token] = id;
        }

        JsonObject Added(string content, bool lstrip) => new() { ["id"] = _vocabulary[content], ["content"] = content, ["lstrip"] = lstrip, ["special"] = true };
        var json = new JsonObject
        {
            ["added_tokens"] = new JsonArray(Added("<s>", false), Added("</s>", false), Added("<mask>", true)),
            ["pre_tokenizer"] = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = addPrefixSpace },
            ["post_processor"] = new JsonObject { ["type"] = "RobertaProcessing", ["sep"] = new JsonArray("</s>", 2), ["cls"] = new JsonArray("<s>", 0) },
            ["model"] = new JsonObject { ["type"] = "BPE", ["vocab"] = vocab, ["merges"] = new JsonArray([.. merges.Select(m => (JsonNode)JsonValue.Create(m))]) },
        };
        _folder.Write("tokenizer.json", json.ToJsonString());
        return TokenizerLoader.Load(_folder.Path);
    }

    private static List<string> ByteSymbols()
    {
        var symbols = new List<string>();
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is (>= '!' and <= '~') or (>= 0xA1 and <= 0xAC) or (>= 0xAE and <= 0xFF);
            symbols.Add(((char)(printable ? b : next++)).ToString());
        }

        return symbols;
    }

    private int Id(string token) => _vocabulary[token];

    [Fact]
    public void Encode_Merges_AppliesLowestRankFirst()
    {
        // "a b" ranks before "b c": "abc" becomes "ab" + "c", not "a" + "bc".
        var tokenizer = Load(["a b", "b c"]);

        Assert.Equal([Id("<s>"), Id("ab"), Id("c"), Id("</s>")], tokenizer.Encode("abc"));
    }

    [Fact]
    public void Encode_SpaceBeforeWord_JoinsTheWordAsByteSymbolG()
    {
        var tokenizer = Load(["Ġ a"]);

        Assert.Equal([Id("<s>"), Id("a"), Id("Ġa"), Id("</s>")], tokenizer.Encode("a a"));
    }

    [Fact]
    public void Encode_AddPrefixSpace_TreatsFirstWordLikeTheOthers()
    {
        var tokenizer = Load(["Ġ a"], addPrefixSpace: true);

        Assert.Equal([Id("<s>"), Id("Ġa"), Id("Ġa"), Id("</s>")], tokenizer.Encode("a a"));
    }

    [Fact]
    public void Encode_MaskAfterSpaces_TakesTheSpacesIntoTheMask()
    {
        var tokenizer = Load([]);

        Assert.Equal([Id("<s>"), Id("a"), Id("<mask>"), Id("</s>")], tokenizer.Encode("a   <mask>"));
    }

    [Fact]
    public void Encode_NonAsciiCharacter_UsesItsUtf8Bytes()
    {
        var tokenizer = Load([]);

        // é is C3 A9 in UTF-8; both bytes are printable Latin-1 symbols in GPT-2's byte map.
        Assert.Equal([Id("<s>"), Id("Ã"), Id("©"), Id("</s>")], tokenizer.Encode("é"));
    }

    [Fact]
    public void Encode_MaxLength_KeepsClosingToken()
    {
        var tokenizer = Load([]);

        Assert.Equal([Id("<s>"), Id("x"), Id("</s>")], tokenizer.Encode("xyz", maxLength: 3));
    }
}
