using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Orleans.Sentiment.GpuBench;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Execution;
using Orleans.Sentiment.Modeling.Synthetic;

// GPU benchmark of the silo's inference path: a DistilBERT-shaped model (written here, so no weights travel),
// feedback-like texts, ONNX Runtime's CUDA provider; direct large length-grouped batches, then the batching
// service with many concurrent callers as the classifier grains drive it. Prints and writes JSON.
var options = BenchArguments.Parse(args);
var log = new List<string>();
void Say(string line)
{
    Console.WriteLine(line);
    log.Add(line);
}

Say($"gpu-bench: device {options.Device}, {options.Count} texts, {Environment.ProcessorCount} CPU cores, ONNX Runtime flavor {(CudaRuntimeProbe.ProviderPresent() ? "gpu" : "cpu")}.");
var modelDirectory = options.Model ?? Path.Combine(options.Work, "distilbert-base");
if (options.Model is null && !File.Exists(Path.Combine(modelDirectory, "onnx", "model.onnx")))
{
    var watch = Stopwatch.StartNew();
    SyntheticModelWriter.Write(modelDirectory, new SyntheticModelRequest(TransformerShape.Presets["distilbert-base"], ["NEGATIVE", "POSITIVE"], options.Tokenizer));
    Say($"Wrote a synthetic distilbert-base to {modelDirectory} in {watch.Elapsed.TotalSeconds:F1} s (tokenizer: {options.Tokenizer ?? "generated"}).");
}

var texts = FeedbackTexts.Make(options.Corpus, options.Count);
var results = new Dictionary<string, object>();
var device = InferenceDevice.Parse(options.Device);
foreach (var batchTexts in options.BatchTexts)
{
    var classifierOptions = new OnnxClassifierOptions { Device = device, Variant = options.Variant };
    var load = Stopwatch.StartNew();
    using var classifier = OnnxTextClassifier.Load("bench", modelDirectory, classifierOptions);
    var loaded = load.Elapsed.TotalSeconds;
    if (batchTexts == options.BatchTexts[0])
    {
        var tokens = texts.Average(t => (double)classifier.Encode(t).Length);
        Say(string.Create(CultureInfo.InvariantCulture, $"Session on {classifier.Device} ({classifier.IntraOpThreads} intra-op threads) loaded in {loaded:F1} s; texts average {tokens:F1} tokens."));
        results["meanTokens"] = tokens;
        results["device"] = classifier.Device.ToString();
    }

    classifier.Classify([.. texts.Take(Math.Min(texts.Count, batchTexts * 2))], batchTexts, options.BatchTokens);
    var run = Stopwatch.StartNew();
    classifier.Classify(texts, batchTexts, options.BatchTokens);
    var rate = texts.Count / run.Elapsed.TotalSeconds;
    Say(string.Create(CultureInfo.InvariantCulture, $"direct, batches of up to {batchTexts} texts / {options.BatchTokens} padded tokens, length-grouped: {rate:F0} comments/s"));
    results[$"direct_{batchTexts}"] = rate;
}

{
    var classifierOptions = new OnnxClassifierOptions { Device = device, Variant = options.Variant };
    using var models = new ClassifierSet([OnnxTextClassifier.Load("bench", modelDirectory, classifierOptions)]);
    var batching = new InferenceOptions
    {
        Device = options.Device,
        MaxBatchTexts = options.BatchTexts.Max(),
        MaxBatchTokens = options.BatchTokens,
        Workers = options.Workers,
        MaxQueuedTexts = Math.Max(options.BatchTexts.Max(), options.Callers * options.Chunk),
        CallTimeout = TimeSpan.FromMinutes(5),
    };
    await using var service = new BatchingClassifier(models, batching);
    var calls = 0L;
    var padded = 0L;
    var real = 0L;
    service.BatchCompleted += stats =>
    {
        Interlocked.Increment(ref calls);
        Interlocked.Add(ref padded, stats.PaddedTokens);
        Interlocked.Add(ref real, stats.RealTokens);
    };
    await service.ClassifyAsync([.. texts.Take(options.Chunk)]);
    Interlocked.Exchange(ref calls, 0);
    Interlocked.Exchange(ref padded, 0);
    Interlocked.Exchange(ref real, 0);
    var chunks = texts.Chunk(options.Chunk).ToArray();
    var next = -1;
    var failed = 0;
    var run = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, options.Callers).Select(_ => Task.Run(async () =>
    {
        int index;
        while ((index = Interlocked.Increment(ref next)) < chunks.Length)
        {
            var outcome = await service.ClassifyAsync(chunks[index]);
            Interlocked.Add(ref failed, outcome.Count(o => !o.Succeeded));
        }
    })));
    var rate = texts.Count / run.Elapsed.TotalSeconds;
    Say(string.Create(CultureInfo.InvariantCulture,
        $"batching service, {options.Callers} concurrent callers × {options.Chunk}-text calls, {options.Workers} workers: {rate:F0} comments/s; {calls} model calls, {texts.Count / (double)Math.Max(1, calls):F0} texts each, padding {(padded - real) / (double)Math.Max(1, real):P1} of real tokens; {failed} failed texts"));
    results["service"] = rate;
    results["serviceCalls"] = calls;
}

results["log"] = log;
if (options.Json is { } json)
{
    File.WriteAllText(json, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"Wrote {json}.");
}
