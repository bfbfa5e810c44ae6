using Orleans.Sentiment.Inference.Adapters;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Tests.ModelFolders;
using Orleans.Sentiment.Modeling.Tests.Synthetic;

namespace Orleans.Sentiment.Modeling.Tests.Adapters;

/// <summary>The bank keeps the most recently used adapters, never evicts one a running call uses, and stays exact under concurrent calls.</summary>
public sealed class AdapterBankTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly SynthWeights _weights = SynthWeightsGenerator.Generate(TinyShapes.For(TransformerFamily.Bert), TestAdapters.Labels, TinyShapes.Strict());

    [Fact]
    public void Acquire_FullBank_EvictsTheLeastRecentlyUsedAdapter()
    {
        using var session = SharedEncoderExactnessTests.SharedSession(_weights, capacity: 2);
        var (a1, a2, a3) = (Adapter(session, 1), Adapter(session, 2), Adapter(session, 3));
        var evictions = 0;
        var uses = new List<bool>();
        session.Bank.Evicted += () => evictions++;
        session.Bank.Used += uses.Add;

        session.Bank.Acquire([a1]).Dispose();
        session.Bank.Acquire([a2]).Dispose();
        session.Bank.Acquire([a1]).Dispose();
        session.Bank.Acquire([a3]).Dispose();

        Assert.NotNull(session.Bank.Find(a1.Key));
        Assert.Null(session.Bank.Find(a2.Key));
        Assert.NotNull(session.Bank.Find(a3.Key));
        Assert.Equal(1, evictions);
        Assert.Equal([false, false, true, false], uses);
        Assert.Equal(2, session.Bank.Loaded);
    }

    [Fact]
    public void Acquire_EveryOtherSlotPinned_EvictsOnlyAnUnpinnedOneAndRefusesWhenNoneIs()
    {
        using var session = SharedEncoderExactnessTests.SharedSession(_weights, capacity: 2);
        var (a1, a2, a3) = (Adapter(session, 1), Adapter(session, 2), Adapter(session, 3));
        var first = session.Bank.Acquire([a1]);
        var second = session.Bank.Acquire([a2]);

        var refused = Assert.Throws<InvalidOperationException>(() => session.Bank.Acquire([a3]));
        Assert.Contains("Inference:MaxLoadedAdapters", refused.Message, StringComparison.Ordinal);

        // a1 is the least recently used, but a running call holds it: a2's slot is freed once its call ends.
        second.Dispose();
        using (session.Bank.Acquire([a3]))
        {
            Assert.NotNull(session.Bank.Find(a1.Key));
            Assert.Null(session.Bank.Find(a2.Key));
        }

        first.Dispose();
    }

    [Fact]
    public async Task Run_ConcurrentCallsEvictingEachOther_GiveEveryRowItsAdaptersLogits()
    {
        // 4 calls × 2 rows pin at most 8 slots at once, so no call is refused; 12 adapters over 8 slots must evict.
        using var session = SharedEncoderExactnessTests.SharedSession(_weights, capacity: 8);
        var adapters = Enumerable.Range(1, 12).Select(i => Adapter(session, i)).ToArray();
        var sequences = TestAdapters.Sequences(_weights.Shape, seed: 9, 6, 11);
        // Each adapter's logits when it runs alone, one at a time.
        var alone = adapters.Select(a => session.Run([.. sequences.Select(s => (s, a))]).Select(p => p.Logits).ToArray()).ToArray();
        var evictions = 0;
        session.Bank.Evicted += () => Interlocked.Increment(ref evictions);

        var calls = Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            var random = new Random(worker);
            for (var call = 0; call < 25; call++)
            {
                var picks = Enumerable.Range(0, 2).Select(_ => random.Next(adapters.Length)).ToArray();
                var predictions = session.Run([.. picks.Select((a, row) => (sequences[row], adapters[a]))]);
                for (var row = 0; row < picks.Length; row++)
                {
                    var difference = TestAdapters.MaxDifference(alone[picks[row]][row], predictions[row].Logits);
                    Assert.True(difference <= 1e-5, $"worker {worker} call {call} row {row}: {difference:E3}");
                }
            }
        }));
        await Task.WhenAll(calls);

        Assert.True(evictions > 0, "twelve adapters over eight slots must evict, or the test shows nothing");
    }

    public void Dispose() => _folder.Dispose();

    private TenantAdapter Adapter(AdapterEncoderSession session, int seed) =>
        SharedEncoderExactnessTests.Decode(session, TestAdapters.Write(_folder.Combine($"a{seed}"), _weights.Shape, seed), $"v{seed}", $"acme:m{seed}");
}
