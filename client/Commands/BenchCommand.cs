using System.CommandLine;
using System.Globalization;
using Orleans.Sentiment.Client.Bench;
using Orleans.Sentiment.Client.Offline;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Execution;
using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.Modeling.Quantization;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// <c>bench</c>: one run that measures, on the same model and texts, offline classification (fp32 and int8),
/// the silo pipeline end to end (real silo process, HTTP ingestion into several sources, until the windows
/// count every comment) and transformers.js when installed, as ratios to offline fp32; with the machine's CPU,
/// thread counts, resident memory per loaded model, and a <c>--json</c> report. With <c>--adapters N</c> it measures
/// tenant models served as adapters on one shared encoder instead (<see cref="AdapterBench"/>).
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Model folder to measure (default: a synthetic model of --arch)." };
        var arch = new Option<string>("--arch") { Description = "Family of the synthetic model used without --model.", DefaultValueFactory = _ => "distilbert-base" };
        arch.AcceptOnlyFromAmong([.. TransformerShape.Presets.Keys]);
        var texts = new Option<string?>("--texts") { Description = "Texts to classify (.txt/.jsonl/.csv/.tsv; default: SST-2 validation from the shared data, else built-in samples)." };
        var count = new Option<int>("--count") { Description = "Texts per measurement (the pool repeats when smaller).", DefaultValueFactory = _ => 2000 };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads offline and for transformers.js (0: physical cores, as classify).", DefaultValueFactory = _ => 0 };
        var batchSize = new Option<int>("--batch-size") { Description = "Texts per model call offline (classify's --batch-size).", DefaultValueFactory = _ => 32 };
        var sources = new Option<int>("--sources") { Description = "Sources the pipeline run posts into at once.", DefaultValueFactory = _ => 4 };
        var noPipeline = new Option<bool>("--no-pipeline") { Description = "Skip the silo pipeline." };
        var noQuantized = new Option<bool>("--no-quantized") { Description = "Skip int8 (otherwise onnx/model_quantized.onnx is written when missing)." };
        var noNode = new Option<bool>("--no-transformers-js") { Description = "Skip transformers.js." };
        var jsBatches = new Option<string>("--transformers-js-batch-sizes") { Description = "Batch sizes for transformers.js (comma-separated).", DefaultValueFactory = _ => "32" };
        var silo = new Option<string?>("--silo") { Description = "Silo assembly (default: the repository's Release build, else Debug)." };
        var settings = new Option<string[]>("--silo-setting") { Description = "Extra silo setting KEY=VALUE for the pipeline run (repeatable), e.g. Inference:Linger=00:00:00.005." };
        var compare = new Option<string[]>("--compare-setting") { Description = "Run the fp32 pipeline again with this extra silo setting KEY=VALUE (repeatable) and report its ratio to the default run, e.g. Languages:Detection=off." };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file." };
        var adapters = new Option<int>("--adapters") { Description = "Instead: N random tenant adapters on builtin:minilm's shared encoder against one merged model (comments/s, ratio, memory per adapter).", DefaultValueFactory = _ => 0 };
        var command = new Command("bench", "Throughput in one run: offline fp32 and int8, the silo pipeline end to end, transformers.js; ratios, CPU, threads, memory.")
        {
            model, arch, texts, count, threads, batchSize, sources, noPipeline, noQuantized, noNode, jsBatches, silo, settings, compare, json, adapters,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                if (parse.GetValue(adapters) is > 0 and var adapterCount)
                {
                    await new AdapterBench
                    {
                        Adapters = adapterCount,
                        Texts = BenchTexts.Load(parse.GetValue(texts), Positive(parse.GetValue(count), "--count")),
                        Threads = MachineCores.Resolve(parse.GetValue(threads)),
                        BatchSize = Positive(parse.GetValue(batchSize), "--batch-size"),
                    }.RunAsync(Console.WriteLine, cancellationToken);
                    return 0;
                }

                var run = new BenchRun
                {
                    ModelDirectory = parse.GetValue(model) ?? BenchModel.Prepare(parse.GetValue(arch)!, Console.WriteLine),
                    Texts = BenchTexts.Load(parse.GetValue(texts), Positive(parse.GetValue(count), "--count")),
                    TextsDescription = BenchTexts.Describe(parse.GetValue(texts)),
                    Threads = MachineCores.Resolve(parse.GetValue(threads)),
                    BatchSize = Positive(parse.GetValue(batchSize), "--batch-size"),
                    Sources = Positive(parse.GetValue(sources), "--sources"),
                    Pipeline = !parse.GetValue(noPipeline),
                    Quantized = !parse.GetValue(noQuantized),
                    TransformersJs = !parse.GetValue(noNode),
                    TransformersJsBatchSizes = [.. parse.GetValue(jsBatches)!.Split(',').Select(s => Positive(int.Parse(s, CultureInfo.InvariantCulture), "--transformers-js-batch-sizes"))],
                    SiloAssembly = parse.GetValue(silo),
                    SiloSettings = ParseSettings(parse.GetValue(settings) ?? [], "--silo-setting"),
                    CompareSettings = ParseSettings(parse.GetValue(compare) ?? [], "--compare-setting"),
                };
                var report = await run.RunAsync(Console.WriteLine, cancellationToken);
                if (parse.GetValue(json) is { } path)
                {
                    report.Write(path);
                    Console.WriteLine($"Report written to {path}.");
                }

                return 0;
            }
            catch (Exception e) when (e is ModelFolderException or QuantizationException or ArgumentException or FormatException or IOException or InvalidOperationException or TimeoutException or HttpRequestException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static int Positive(int value, string option) =>
        value >= 1 ? value : throw new ArgumentException($"{option} must be at least 1.");

    private static Dictionary<string, string> ParseSettings(string[] pairs, string option) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(
            p => p.Length == 2 && p[0].Length > 0 ? p[0] : throw new ArgumentException($"{option} '{string.Join('=', p)}' must be KEY=VALUE."),
            p => p[1],
            StringComparer.OrdinalIgnoreCase);
}
