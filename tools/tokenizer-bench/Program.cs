// Compares WordPiece implementations on the committed hard strings (exact Hugging Face ids) and on single-thread
// speed over SST-2, then measures this project's byte-level BPE and Unigram. Usage:
//   dotnet run -c Release --project tools/tokenizer-bench -- [shared-data-dir] [seconds-per-run]
using System.Globalization;
using System.Text.Json;
using Orleans.Sentiment.Client.Bench;
using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.TokenizerBench;

var repo = FindRepository();
var shared = args.Length > 0 ? args[0] : Path.Combine(repo, "..", "shared", "data");
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var distilbert = Path.Combine(shared, "hf", "distilbert-base-uncased-finetuned-sst-2-english");
var roberta = Path.Combine(shared, "hf", "twitter-roberta-base-sentiment-latest");
var parity = Path.Combine(repo, "tests", "Orleans.Sentiment.Tokenization.Tests", "Parity");

var candidates = new (string Name, ITextTokenizer Tokenizer)[]
{
    ("Orleans.Sentiment WordPiece", TokenizerLoader.Load(distilbert)),
    ("FastBertTokenizer 1.2.6", await Adapters.FastBertAsync(distilbert)),
    ("Microsoft.ML.Tokenizers 2.0.1 BertTokenizer", Adapters.MicrosoftMl(distilbert)),
};

// Speed first: the JIT then optimises for ordinary feedback, not for the hard strings' rare paths.
var sst = File.ReadLines(Path.Combine(shared, "sst2", "train.tsv")).Skip(1).Select(l => l[..l.LastIndexOf('\t')]).ToArray();
Console.WriteLine($"Single-thread speed on SST-2 train ({sst.Length} phrases), {seconds:F0} s per tokenizer:");
var others = new (string Name, ITextTokenizer Tokenizer)[]
{
    ("Orleans.Sentiment byte-level BPE (RoBERTa)", TokenizerLoader.Load(roberta)),
    ("Orleans.Sentiment Unigram (the XLM-R-like test tokenizer, Parity/unigram)", TokenizerLoader.Load(Path.Combine(parity, "unigram"))),
};
foreach (var (name, tokenizer) in candidates.Concat(others))
{
    var r = TokenizerBenchmark.Run(tokenizer, sst, TimeSpan.FromSeconds(seconds));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {name}: {r.BestPassTokensPerCpuSecond / 1e6:F2}M tokens/CPU-s (fastest pass), {r.TokensPerCpuSecond / 1e6:F2}M tokens/CPU-s (run), {r.TokensPerSecond / 1e6:F2}M tokens/s wall"));
}

var hard = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(parity, "hard-strings.json"))).RootElement.EnumerateArray()
    .Select(e => (Name: e.GetProperty("name").GetString()!, Text: e.TryGetProperty("text", out var t) ? t.GetString()! : new string([.. e.GetProperty("utf16").EnumerateArray().Select(u => (char)u.GetInt32())])))
    .ToArray();
var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(parity, "expected-distilbert-base-uncased.json"))).RootElement.GetProperty("cases")
    .EnumerateArray().Select(c => c.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToArray()).ToArray();

Console.WriteLine($"Parity with Hugging Face tokenizers on {hard.Length} hard strings (distilbert-base-uncased):");
foreach (var (name, tokenizer) in candidates)
{
    var differing = hard.Where((h, i) => !Same(tokenizer, h.Text, expected[i])).Select(h => h.Name).ToList();
    Console.WriteLine($"  {name}: {hard.Length - differing.Count}/{hard.Length} exact{(differing.Count == 0 ? "" : "; differs on " + string.Join(", ", differing.Take(12)) + (differing.Count > 12 ? ", …" : ""))}");
}

static bool Same(ITextTokenizer tokenizer, string text, int[] expected)
{
    try
    {
        return tokenizer.Encode(text).SequenceEqual(expected);
    }
    catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
    {
        return false;
    }
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
