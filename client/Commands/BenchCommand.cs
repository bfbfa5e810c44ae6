using System.CommandLine;
using System.Globalization;
using Orleans.Sentiment.Client.Offline;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// <c>bench</c>: the speed baseline. Comments/s of a model folder on CPU at several batch sizes with dynamic
/// padding, next to transformers.js on the same folder and texts when Node is present; tokenizer tokens/s.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Model folder to measure (default: a synthetic model of --arch)." };
        var arch = new Option<string>("--arch") { Description = "Family of the synthetic model used without --model.", DefaultValueFactory = _ => "distilbert-base" };
        arch.AcceptOnlyFromAmong([.. TransformerShape.Presets.Keys]);
        var texts = new Option<string?>("--texts") { Description = "Texts to classify (.txt/.jsonl/.csv/.tsv; default: SST-2 validation from the shared data, else built-in samples)." };
        var count = new Option<int>("--count") { Description = "Texts per measurement.", DefaultValueFactory = _ => 256 };
        var batchSizes = new Option<string>("--batch-sizes") { Description = "Comma-separated batch sizes.", DefaultValueFactory = _ => "1,8,32" };
        var threads = new Option<int>("--threads") { Description = "Inference threads for both runtimes.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var skipNode = new Option<bool>("--no-transformers-js") { Description = "Measure this runtime only." };
        var command = new Command("bench", "Speed baseline: comments/s at batch 1/8/32 (dynamic padding), next to transformers.js; tokenizer tokens/s.")
        {
            model, arch, texts, count, batchSizes, threads, skipNode,
        };
        command.SetAction(parse =>
        {
            try
            {
                var sizes = parse.GetValue(batchSizes)!.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                if (sizes.Any(s => s < 1) || parse.GetValue(count) < 1 || parse.GetValue(threads) < 1)
                {
                    Console.Error.WriteLine("--batch-sizes, --count and --threads must be positive.");
                    return 1;
                }

                Run(parse.GetValue(model) ?? BenchModel.Prepare(parse.GetValue(arch)!, Console.WriteLine), parse.GetValue(texts), parse.GetValue(count), sizes, parse.GetValue(threads), !parse.GetValue(skipNode));
                return 0;
            }
            catch (Exception e) when (e is ModelFolderException or ArgumentException or FormatException or IOException or InvalidOperationException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static void Run(string modelDirectory, string? textsPath, int count, int[] batchSizes, int threads, bool withNode)
    {
        var texts = BenchTexts.Load(textsPath, count);
        using var classifier = OnnxTextClassifier.Load(ClassifierLoader.NameOf(modelDirectory), modelDirectory,
            new OnnxClassifierOptions { IntraOpThreads = threads, MaxBatchSize = batchSizes.Max() });
        var tokens = texts.Sum(t => classifier.Tokenizer.Encode(t, classifier.MaxSequenceLength).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Model {modelDirectory}; {texts.Count} texts ({BenchTexts.Describe(textsPath)}), {tokens / (double)texts.Count:F1} tokens each on average; {threads} thread(s); {Environment.ProcessorCount} core(s)."));

        var (tools, missing) = withNode ? TransformersJsRunner.Locate() : (null, "skipped (--no-transformers-js)");
        var ours = new Dictionary<int, double>();
        var theirs = new Dictionary<int, double>();
        IReadOnlyList<ReferenceScore> check = [];
        foreach (var size in batchSizes)
        {
            // Alternate the runtimes per batch size, so a change in machine load hits both alike.
            if (tools is not null)
            {
                var result = TransformersJsRunner.Run(tools, modelDirectory, texts, [size], threads, checkCount: check.Count == 0 ? 8 : 0);
                theirs[size] = result.SecondsPerBatchSize[size];
                check = check.Count == 0 ? result.Check : check;
            }

            ours[size] = ThroughputMeter.ClassifySeconds(classifier, texts, size);
        }

        Console.WriteLine();
        Console.WriteLine("| batch | Orleans.Sentiment (ONNX Runtime .NET) comments/s | transformers.js comments/s | ratio |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var size in batchSizes)
        {
            var ourRate = texts.Count / ours[size];
            var theirRate = theirs.TryGetValue(size, out var seconds) ? texts.Count / seconds : (double?)null;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size} | {ourRate:F1} | {(theirRate is { } t ? t.ToString("F1", CultureInfo.InvariantCulture) : "n/a")} | {(theirRate is { } r ? (ourRate / r).ToString("F2", CultureInfo.InvariantCulture) + "×" : "n/a")} |"));
        }

        var grouped = texts.Count / ThroughputMeter.ClassifyGroupedSeconds(classifier, texts);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {batchSizes.Max()}, length-grouped (classify's batching) | {grouped:F1} | n/a | n/a |"));

        Console.WriteLine();
        if (tools is null)
        {
            Console.WriteLine($"transformers.js: {missing}.");
        }
        else
        {
            var mine = classifier.Classify([.. texts.Take(check.Count)]);
            var largest = mine.Zip(check, (a, b) => Math.Abs(a.Score - b.Score)).DefaultIfEmpty(0).Max();
            var sameLabels = mine.Zip(check).Count(pair => pair.First.Label == pair.Second.Label);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Same model check on {mine.Count} texts: {sameLabels} equal labels, largest score difference {largest:E1}."));
        }

        var tokenizer = TokenizerBenchmark.Run(classifier.Tokenizer, texts, TimeSpan.FromSeconds(2));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Tokenizer ({classifier.Tokenizer.GetType().Name}, one thread): {tokenizer.TokensPerSecond / 1e6:F2} M tokens/s wall clock, {tokenizer.BestPassTokensPerCpuSecond / 1e6:F2} M tokens per CPU-second in the fastest pass."));
    }
}
