// Measures Microsoft.ML.Tokenizers' SentencePieceTokenizer (Unigram) against the Rust library's ids on the Unigram
// parity strings: the XLM-R-like test tokenizer (with and without byte fallback) is written as a sentencepiece
// .model (same pieces, scores, charsmap) and its content ids (no <s> … </s>) are compared. Usage:
//   dotnet run -c Release --project tools/unigram-agreement
using System.Text.Json;
using Microsoft.ML.Tokenizers;
using Orleans.Sentiment.UnigramAgreement;

var parity = Path.Combine(FindRepository(), "tests", "Orleans.Sentiment.Tokenization.Tests", "Parity");
var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(parity, "unigram", "tokenizer.json"))).RootElement;
var charsmap = Convert.FromBase64String(json.GetProperty("normalizer").GetProperty("precompiled_charsmap").GetString()!);
var vocab = json.GetProperty("model").GetProperty("vocab").EnumerateArray().Select(e => (Piece: e[0].GetString()!, Score: e[1].GetDouble())).ToList();
var strings = new[] { "hard-strings.json", "multilingual-strings.json" }
    .SelectMany(f => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(parity, f))).RootElement.EnumerateArray())
    .Select(e => (Name: e.GetProperty("name").GetString()!, Text: e.TryGetProperty("text", out var t) ? t.GetString()! : new string([.. e.GetProperty("utf16").EnumerateArray().Select(u => (char)u.GetInt32())])))
    .ToArray();

foreach (var (variant, byteFallback) in new[] { ("unigram-xlmr", false), ("unigram-byte-fallback", true) })
{
    var pieces = vocab.Select((v, id) => (v.Piece, v.Score, Type: id switch
    {
        0 or 1 or 2 => SentencePieceModelWriter.Control,
        3 => SentencePieceModelWriter.Unknown,
        _ when id == vocab.Count - 1 => SentencePieceModelWriter.UserDefined,
        _ when byteFallback && v.Piece.Length == 6 && v.Piece.StartsWith("<0x", StringComparison.Ordinal) => SentencePieceModelWriter.Byte,
        _ => SentencePieceModelWriter.Normal,
    })).ToList();
    using var model = new MemoryStream(SentencePieceModelWriter.Write(pieces, charsmap, byteFallback, unkId: 3, bosId: 0, eosId: 2, padId: 1));
    var tokenizer = SentencePieceTokenizer.Create(model, addBeginningOfSentence: false, addEndOfSentence: false);
    Report($"SentencePieceTokenizer.Create(.model), {variant}", Differing(tokenizer, variant, prefix: 1));
}

// Its tokenizer.json reader, on every variant (the file as the parity tests build it).
foreach (var variant in JsonDocument.Parse(File.ReadAllBytes(Path.Combine(parity, "unigram-variants.json"))).RootElement.GetProperty("variants").EnumerateObject().Select(v => v.Name))
{
    var file = Path.Combine(Path.GetTempPath(), $"{variant}-tokenizer.json");
    if (!File.Exists(file))
    {
        Console.WriteLine($"  ({variant}: write {file} first, e.g. with node -e in tools/tokenizer-parity)");
        continue;
    }

    try
    {
        using var stream = File.OpenRead(file);
        var tokenizer = SentencePieceTokenizer.CreateFromTokenizerJson(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        Report($"SentencePieceTokenizer.CreateFromTokenizerJson, {variant}", Differing(tokenizer, variant, prefix: variant == "unigram-t5" ? 0 : 1));
    }
    catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or FormatException or JsonException)
    {
        Console.WriteLine($"SentencePieceTokenizer.CreateFromTokenizerJson, {variant}: refused ({e.GetType().Name}: {e.Message})");
    }
}

void Report(string name, List<string> differing) =>
    Console.WriteLine($"Microsoft.ML.Tokenizers 3.0.0 {name}: {strings.Length - differing.Count}/{strings.Length} exact; differs on {string.Join(", ", differing)}");

List<string> Differing(SentencePieceTokenizer tokenizer, string variant, int prefix)
{
    var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(parity, $"expected-{variant}.json"))).RootElement.GetProperty("cases").EnumerateArray()
        .Select(c => c.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToArray()).ToArray();
    var differing = new List<string>();
    for (var i = 0; i < strings.Length; i++)
    {
        int[] ids;
        try
        {
            ids = [.. tokenizer.EncodeToIds(strings[i].Text)];
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            ids = [];
        }

        if (!ids.SequenceEqual(expected[i][prefix..^1]))
        {
            differing.Add(strings[i].Name);
        }
    }

    return differing;
}

static string FindRepository()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "Orleans.Sentiment.sln")))
        {
            return d.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}
