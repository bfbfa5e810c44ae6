using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.Sentiment.Modeling.Catalog;
using Orleans.Sentiment.Modeling.Pretrained;

namespace Orleans.Sentiment.Client.Bench;

/// <summary>
/// <c>bench --adapters N</c>: N random tenant adapters on <c>builtin:minilm</c>'s shared encoder against one adapter merged
/// into a whole model, on the same texts cut into the same length-grouped calls: comments/s of (a) every call mixing the
/// N tenants' adapters (text i on adapter i mod N), (b) the merged model, (c) the shared encoder with one adapter; and
/// the memory each extra adapter costs (its bank slot, and the process's resident memory grown by loading all N).
/// </summary>
internal sealed class AdapterBench
{
    private static readonly string[] Labels = ["quality", "stability", "feature", "performance", "none"];

    public required int Adapters { get; init; }

    public required IReadOnlyList<string> Texts { get; init; }

    public required int Threads { get; init; }

    public required int BatchSize { get; init; }

    /// <summary>Timed rounds of each case, interleaved (the fastest is reported, so a burst of other load on the machine does not decide it).</summary>
    public int Rounds { get; init; } = 3;

    public async Task RunAsync(Action<string> log, CancellationToken cancellationToken)
    {
        log(MachineInfo.Read().Describe());
        var locator = new ModelLocator();
        var baseFolder = await locator.LocateBaseEncoderAsync(ModelReference.Parse(MiniLmModel.Reference, "--adapters"), "--adapters", cancellationToken: cancellationToken);
        var encoderFolder = AdapterEncoderFolder.Ensure(baseFolder, locator.CacheDirectory);
        using var work = new TemporaryWork();
        var artifacts = Enumerable.Range(0, Adapters).Select(i => RandomAdapters.Write(Path.Combine(work.Path, $"a{i}"), MiniLmModel.Shape, Labels, seed: i + 1)).ToList();
        var options = new OnnxClassifierOptions { IntraOpThreads = Threads };

        // (b) the first adapter merged into a whole model, as a tenant model would be without a shared encoder.
        var merged = Path.Combine(work.Path, "merged");
        var encoder = PretrainedEncoder.Load(baseFolder);
        SequenceClassifierWriter.Write(merged, encoder, PeftAdapter.Read(Path.Combine(work.Path, "a0")).Merge(encoder), Labels, ProblemType.SingleLabel, MiniLmModel.Reference, new JsonObject());
        using var whole = OnnxTextClassifier.Load("merged", merged, options);

        using var shared = AdapterEncoderSession.Load(encoderFolder, options, capacity: Adapters);
        var encoded = Texts.Select(shared.Encode).ToArray();
        var batches = Batches(encoded);
        shared.Encode([(encoded[0], 0)]);
        // Aggressive collections give freed memory back to the system, so the resident memory measured after loading is
        // the adapters' (decoded weights and the bank pages their slots touch), not the heap's leftovers.
        ReleaseFreedMemory();
        var before = ProcessMemory.ResidentBytes();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var decoded = artifacts.Select((a, i) => TenantAdapter.Decode(new AdapterModelVersion($"tenant{i}:model", "v1", MiniLmModel.Reference), a, shared.Family, shared.Bank.Modules, shared.Bank.Rank)).ToArray();
        foreach (var adapter in decoded)
        {
            shared.Bank.Acquire([adapter]).Dispose();
        }

        ReleaseFreedMemory();
        var grown = ProcessMemory.ResidentBytes() - before;
        var heapGrown = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        // The artifacts (inputs, as a registry would hand them over) stay alive until here, so the growth is the decoded adapters'.
        GC.KeepAlive(artifacts);
        artifacts.Clear();

        var (spread, single, one) = (Best.None, Best.None, Best.None);
        for (var round = 0; round < Rounds; round++)
        {
            single = single.Min(Time(() => batches.ForEach(b => whole.Run([.. b.Select(i => encoded[i])]))));
            spread = spread.Min(Time(() => batches.ForEach(b => shared.Run([.. b.Select(i => (encoded[i], decoded[i % decoded.Length]))]))));
            one = one.Min(Time(() => batches.ForEach(b => shared.Run([.. b.Select(i => (encoded[i], decoded[0]))]))));
        }

        // Check the comparison is between equals: the shared encoder's adapter 0 gives the merged model's logits.
        var check = batches[0].Take(8).ToArray();
        var difference = whole.Run([.. check.Select(i => encoded[i])]).Zip(shared.Run([.. check.Select(i => (encoded[i], decoded[0]))]))
            .Max(p => p.First.Logits.Zip(p.Second.Logits, (x, y) => Math.Abs(x - y)).Max());

        string Rate(Best best) => Threads == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{Texts.Count / best.Wall:F1} comments/s, {Texts.Count / best.Cpu:F1} per CPU-second")
            : string.Create(CultureInfo.InvariantCulture, $"{Texts.Count / best.Wall:F1} comments/s");
        var headBytes = decoded.Average(a => a.Head!.Bytes);
        var slot = shared.Bank.BytesPerSlot;
        log(string.Create(CultureInfo.InvariantCulture, $"""
            {Texts.Count} texts, {encoded.Average(e => e.Length):F1} tokens on average, {batches.Count} calls of at most {BatchSize} texts (length-grouped), {Threads} intra-op thread(s), best of {Rounds} rounds.
            (a) {Adapters} tenants' adapters, every call mixing them: {Rate(spread)}
            (b) one merged model (the same texts and calls):       {Rate(single)}
            (c) the shared encoder with one adapter:               {Rate(one)}
            ratio (a)/(b): {single.Wall / spread.Wall:F2} (target >= 0.8); (c)/(b): {single.Wall / one.Wall:F2}{(Threads == 1 ? $"; by the model thread's CPU time (not skewed by other load): (a)/(b) {single.Cpu / spread.Cpu:F2}, (c)/(b) {single.Cpu / one.Cpu:F2}" : "")}
            memory per extra adapter: {(slot + (heapGrown / (double)Adapters)) / 1048576.0:F2} MB (target <= 2 MB) = its bank slot {slot / 1048576.0:F2} MB (allocated with the bank) + {heapGrown / (double)Adapters / 1048576.0:F2} MB of managed heap grown by loading {Adapters} (head {headBytes / 1048576.0:F2} MB, the LoRA matrices kept to refill an evicted slot, objects); resident memory grew {grown / 1048576.0:F1} MB by loading {Adapters} ({grown / (double)Adapters / 1048576.0:F2} MB each, slot pages included)
            shared adapter 0 vs merged model: max logit difference {difference:E2}
            """));
    }

    private static void ReleaseFreedMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    /// <summary>Wall seconds, and the calling thread's CPU seconds (all of a call's work with one intra-op thread).</summary>
    private static Best Time(Action run)
    {
        var cpu = ThreadCpuClock.Now();
        var watch = Stopwatch.StartNew();
        run();
        return new Best(watch.Elapsed.TotalSeconds, (ThreadCpuClock.Now() - cpu).TotalSeconds);
    }

    /// <summary>The texts' indexes in calls of similar length, as classify cuts a sorted chunk.</summary>
    private List<int[]> Batches(int[][] encoded) =>
        [.. Enumerable.Range(0, encoded.Length).OrderBy(i => encoded[i].Length).Chunk(BatchSize)];

    private readonly record struct Best(double Wall, double Cpu)
    {
        public static Best None => new(double.MaxValue, double.MaxValue);

        public Best Min(Best other) => new(Math.Min(Wall, other.Wall), Math.Min(Cpu, other.Cpu));
    }

    private sealed class TemporaryWork : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("adapter-bench-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
