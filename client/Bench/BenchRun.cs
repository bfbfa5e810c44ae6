using Orleans.Sentiment.Modeling.Catalog;
using System.Globalization;
using Orleans.Sentiment.Client.Offline;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.Modeling.Quantization;

namespace Orleans.Sentiment.Client.Bench;

/// <summary>The measurements of one <c>bench</c> run, in an order that keeps compared figures close in time.</summary>
internal sealed class BenchRun
{
    private readonly List<BenchRow> _rows = [];
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, long> _memory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _transformersJs = new(StringComparer.Ordinal);

    public required string ModelDirectory { get; init; }

    public required IReadOnlyList<string> Texts { get; init; }

    public required string TextsDescription { get; init; }

    public required int Threads { get; init; }

    public required int BatchSize { get; init; }

    public required int Sources { get; init; }

    public bool Pipeline { get; init; } = true;

    public bool Quantized { get; init; } = true;

    public bool TransformersJs { get; init; } = true;

    public IReadOnlyList<int> TransformersJsBatchSizes { get; init; } = [32];

    public string? SiloAssembly { get; init; }

    public IReadOnlyDictionary<string, string> SiloSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings of a second fp32 pipeline run, compared with the first in the same bench (e.g. a feature turned off).</summary>
    public IReadOnlyDictionary<string, string> CompareSettings { get; init; } = new Dictionary<string, string>();

    public async Task<BenchReport> RunAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var machine = MachineInfo.Read();
        log(machine.Describe());
        var options = new OnnxClassifierOptions { IntraOpThreads = Threads };
        var (fp32, fp32Memory) = OfflineBench.LoadMeasured(ModelReference.Parse(ModelDirectory, "--model").DefaultName, ModelDirectory, options, Texts.Take(BatchSize).ToList());
        _memory["fp32"] = fp32Memory;
        using var fp32Set = new ClassifierSet([fp32]);
        var tokenCounts = Texts.Select(t => fp32.Encode(t).Length).ToArray();
        var meanTokens = tokenCounts.Average();
        log(string.Create(CultureInfo.InvariantCulture,
            $"Model {ModelDirectory}; {Texts.Count} texts ({TextsDescription}), {meanTokens:F1} tokens each on average; offline: {Threads} intra-op thread(s), batch {BatchSize}, no spinning (classify's defaults), padding {OfflineBench.PaddingRatio(tokenCounts, BatchSize):P0} of real tokens."));

        var offline = Measure("offline classify, fp32", () => OfflineBench.CommentsPerSecond(fp32Set, Texts, BatchSize), log);
        double? pipeline = null;
        long? siloMemory = null;
        if (Pipeline)
        {
            (pipeline, siloMemory) = await PipelineAsync(null, log, cancellationToken);
            if (pipeline is not null)
            {
                // Offline again after the pipeline: the reference is the mean of both, so load that changed meanwhile hits both sides alike.
                var again = OfflineBench.CommentsPerSecond(fp32Set, Texts, BatchSize);
                log(string.Create(CultureInfo.InvariantCulture, $"  offline classify, fp32 (again): {again:F1} comments/s"));
                offline = (offline + again) / 2;
            }
        }

        AddRow("offline classify, fp32", offline, offline, $"{Threads} threads, batch {BatchSize}, length-grouped chunks of {BatchSize * OfflineBench.BatchesPerChunk}");
        if (pipeline is { } p)
        {
            AddRow("silo pipeline, fp32", p, offline, $"real silo process, HTTP ingestion into {Sources} sources, until the windows count all; default settings{Describe(SiloSettings)}");
            if (CompareSettings.Count > 0)
            {
                await CompareAsync(p, offline, log, cancellationToken);
            }
        }

        Agreement? agreement = null;
        if (Quantized)
        {
            agreement = await QuantizedAsync(fp32Set, offline, log, cancellationToken);
        }

        if (TransformersJs)
        {
            RunTransformersJs(offline, log);
        }

        var tokenizer = TokenizerBenchmark.Run(fp32.Tokenizer, Texts, TimeSpan.FromSeconds(1));
        _notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"Tokenizer ({fp32.Tokenizer.GetType().Name}, one thread): {tokenizer.TokensPerSecond / 1e6:F2} M tokens/s."));
        Print(log, agreement, siloMemory);
        return new BenchReport(machine, ModelDirectory, Texts.Count, meanTokens, Threads, BatchSize, _rows, agreement, _memory, siloMemory, _transformersJs, _notes);
    }

    private async Task<Agreement?> QuantizedAsync(ClassifierSet fp32, double offline, Action<string> log, CancellationToken cancellationToken)
    {
        var quantizedPath = Path.Combine(ModelDirectory, "onnx", ModelQuantizer.QuantizedFileName);
        if (!File.Exists(quantizedPath) && !File.Exists(Path.Combine(ModelDirectory, ModelQuantizer.QuantizedFileName)))
        {
            log($"Quantizing {ModelDirectory} (model quantize) ...");
            ModelQuantizer.Quantize(ModelDirectory);
        }

        var options = new OnnxClassifierOptions { IntraOpThreads = Threads, Variant = "quantized" };
        var (int8, int8Memory) = OfflineBench.LoadMeasured(ModelReference.Parse(ModelDirectory, "--model").DefaultName, ModelDirectory, options, Texts.Take(BatchSize).ToList());
        _memory["int8"] = int8Memory;
        using var int8Set = new ClassifierSet([int8]);
        var rate = Measure("offline classify, int8", () => OfflineBench.CommentsPerSecond(int8Set, Texts, BatchSize), log);
        AddRow("offline classify, int8", rate, offline, "model_quantized.onnx (dynamic int8, per-channel weights)");
        var sample = Texts.Distinct().Take(500).ToArray();
        var agreement = Agreement.Compare(fp32.Classifiers[0].Classify(sample), int8.Classify(sample));
        if (Pipeline)
        {
            var (pipeline, _) = await PipelineAsync("quantized", log, cancellationToken);
            if (pipeline is { } p)
            {
                AddRow("silo pipeline, int8", p, offline, "Models:0:Variant=quantized");
            }
        }

        return agreement;
    }

    private async Task<(double? Rate, long? Memory)> PipelineAsync(string? variant, Action<string> log, CancellationToken cancellationToken)
    {
        if (SiloLauncher.Locate(SiloAssembly) is not { } assembly)
        {
            _notes.Add("Silo pipeline skipped: no silo build found (dotnet build -c Release silo, or --silo PATH).");
            return (null, null);
        }

        var result = await PipelineBench.RunAsync(assembly, ModelDirectory, variant, Texts, Sources, SiloSettings, log, cancellationToken);
        log(string.Create(CultureInfo.InvariantCulture,
            $"  silo pipeline, {variant ?? "fp32"}: {result.CommentsPerSecond:F1} comments/s; {result.MeanBatchTexts:F1} texts per model call, padding {result.MeanPaddingRatio:P0} of real tokens; model busy {result.ModelBusySeconds / result.Seconds:P0} of the run ({result.ModelBusySeconds / result.Comments * 1000:F1} ms per comment); silo RSS {result.SiloRssBytes / 1048576.0:F0} MB (peak {result.SiloPeakRssBytes / 1048576.0:F0} MB)"));
        if (result.SiloCpu.ModelWorkers > 0)
        {
            // Where the silo's CPU went: what it spends outside the model workers is what the pipeline costs over offline classify.
            var cpu = string.Create(CultureInfo.InvariantCulture,
                $"Silo CPU during the {variant ?? "fp32"} pipeline run: {result.SiloCpu.ModelWorkers:F1} s in the model workers, {result.SiloCpu.Other:F1} s in every other thread ({result.SiloCpu.Other / result.Comments * 1000:F2} ms per comment: HTTP, JSON, stream, grains, state, metrics).");
            log("  " + cpu);
            _notes.Add(cpu);
        }

        return (result.CommentsPerSecond, result.SiloRssBytes);
    }

    /// <summary>
    /// The fp32 pipeline again with <see cref="CompareSettings"/>, then once more as it was: the ratio is to the mean of the
    /// runs around it, so load that drifts during the bench weighs on both sides alike.
    /// </summary>
    private async Task CompareAsync(double first, double offline, Action<string> log, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(SiloSettings, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in CompareSettings)
        {
            settings[key] = value;
        }

        var silo = SiloLauncher.Locate(SiloAssembly)!;
        var compared = (await PipelineBench.RunAsync(silo, ModelDirectory, null, Texts, Sources, settings, log, cancellationToken)).CommentsPerSecond;
        var again = (await PipelineBench.RunAsync(silo, ModelDirectory, null, Texts, Sources, SiloSettings, log, cancellationToken)).CommentsPerSecond;
        var reference = (first + again) / 2;
        log(string.Create(CultureInfo.InvariantCulture, $"  silo pipeline, fp32{Describe(CompareSettings)}: {compared:F1} comments/s; default settings again: {again:F1}"));
        AddRow($"silo pipeline, fp32{Describe(CompareSettings)}", compared, offline,
            string.Create(CultureInfo.InvariantCulture, $"{compared / reference:F3}× the default pipeline (mean of {first:F1} before and {again:F1} after)"));
    }

    private void RunTransformersJs(double offline, Action<string> log)
    {
        var (tools, missing) = TransformersJsRunner.Locate();
        if (tools is null)
        {
            _notes.Add($"transformers.js: {missing}.");
            return;
        }

        var result = TransformersJsRunner.Run(tools, ModelDirectory, Texts, TransformersJsBatchSizes, Threads, checkCount: 0);
        foreach (var (size, seconds) in result.SecondsPerBatchSize.OrderBy(p => p.Key))
        {
            var rate = Texts.Count / seconds;
            _transformersJs[size.ToString(CultureInfo.InvariantCulture)] = rate;
            AddRow($"transformers.js, fp32, batch {size}", rate, offline, "onnxruntime-node, same folder and texts");
            log(string.Create(CultureInfo.InvariantCulture, $"  transformers.js batch {size}: {rate:F1} comments/s"));
        }
    }

    private static double Measure(string name, Func<double> measure, Action<string> log)
    {
        var rate = measure();
        log(string.Create(CultureInfo.InvariantCulture, $"  {name}: {rate:F1} comments/s"));
        return rate;
    }

    private void AddRow(string name, double rate, double offline, string detail) =>
        _rows.Add(new BenchRow(name, rate, rate / offline, detail));

    private void Print(Action<string> log, Agreement? agreement, long? siloMemory)
    {
        log("");
        log("| what | comments/s | × offline fp32 | how |");
        log("|---|---:|---:|---|");
        foreach (var row in _rows)
        {
            log(string.Create(CultureInfo.InvariantCulture, $"| {row.Name} | {row.CommentsPerSecond:F1} | {row.RatioToOfflineFp32:F2}× | {row.Detail} |"));
        }

        log("");
        if (agreement is not null)
        {
            log(string.Create(CultureInfo.InvariantCulture,
                $"int8 vs fp32 on {agreement.Texts} distinct texts: same label {agreement.SameLabel}/{agreement.Texts} ({agreement.LabelAgreement:P1}), logits error max {agreement.MaxLogitError:F4}, mean {agreement.MeanLogitError:F4}."));
        }

        log("Resident memory per loaded model (growth of this process after load and one call): " +
            string.Join(", ", _memory.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value / 1048576.0:F0} MB"))) +
            (siloMemory is { } s ? string.Create(CultureInfo.InvariantCulture, $"; whole silo process with one fp32 model after the run: {s / 1048576.0:F0} MB") : "") + ".");
        foreach (var note in _notes)
        {
            log(note);
        }
    }

    private static string Describe(IReadOnlyDictionary<string, string> settings) =>
        settings.Count == 0 ? "" : " plus " + string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"));
}
