using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Testing;
using Orleans.Streams;

namespace Orleans.Sentiment.ClusterTests.Overload;

/// <summary>
/// Exact accounting under overload: producers admit and publish as the HTTP route does, faster than the model can
/// classify, re-send some batches as a client does after a timeout, and the silo redelivers deliveries that outlive its
/// response timeout. Every accepted comment ends classified or dead-lettered exactly once, by id, and the in-flight
/// gauge never reads below the number truly in flight.
/// </summary>
[Collection(OverloadCollection.Name)]
public sealed class OverloadAccountingTests(OverloadFixture fixture)
{
    private const string Tenant = "flood";
    private const int Sources = 10;
    private const int BatchSize = 50;
    private static readonly TimeSpan LoadTime = TimeSpan.FromSeconds(8);

    private readonly ConcurrentDictionary<string, byte> _accepted = new();
    private long _acceptedCount;
    private long _refused;
    private long _resent;

    [Fact]
    public async Task Ingest_PastCapacityWithRedeliveries_AccountsForEveryAcceptedCommentExactlyOnce()
    {
        using var duplicates = new DuplicateCounter(fixture.Meters);
        for (var s = 0; s < Sources; s++)
        {
            await Source(s).SetPolicyAsync(AlertPolicy.Default with { WindowSize = 100_000, MinCount = 100_000 });
        }

        using var stop = new CancellationTokenSource(LoadTime);
        var gaugeReadings = SampleGaugeAsync(stop.Token);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(p => Task.Run(() => ProduceAsync(p, stop.Token))));
        var (readings, belowTrue) = await gaugeReadings;

        var settled = await Eventually.WaitForAsync(CompletedAsync, c => c >= _accepted.Count, $"all {_accepted.Count} accepted comments to be classified or dead-lettered", TimeSpan.FromMinutes(3));
        await Eventually.WaitForAsync(() => Task.FromResult(fixture.InFlight.Count), n => n == 0, "the in-flight gauge to return to zero");

        var classified = new List<string>();
        for (var s = 0; s < Sources; s++)
        {
            classified.AddRange((await Source(s).GetRecentAsync(10_000)).Select(c => $"{SourceName(s)}/{c.Id}"));
        }

        var deadLettered = (await fixture.Cluster.GrainFactory.GetGrain<IDeadLetterGrain>(Tenant).GetAsync(10_000)).Items.Select(d => $"{d.Source}/{d.Id}").ToList();
        Assert.True(_refused > 0, "The producers never met the admission bound: the silo was not driven past its capacity.");
        Assert.True(_resent > 0);
        Assert.True(duplicates.Count >= _resent * BatchSize, $"{duplicates.Count} duplicates dropped, {_resent} batches re-sent.");
        Assert.NotEmpty(deadLettered);
        Assert.Equal(_accepted.Count, settled);
        Assert.Equal(classified.Count, classified.Distinct().Count());
        Assert.Equal(deadLettered.Count, deadLettered.Distinct().Count());
        Assert.Empty(classified.Intersect(deadLettered));
        Assert.Equal(_accepted.Keys.Order(StringComparer.Ordinal), classified.Concat(deadLettered).Order(StringComparer.Ordinal));
        Assert.True(readings > 20, $"Only {readings} gauge readings were taken.");
        Assert.Equal(0, belowTrue);
    }

    private async Task ProduceAsync(int producer, CancellationToken stop)
    {
        var random = new Random(producer);
        List<Comment>? previous = null;
        for (var batch = 0; !stop.IsCancellationRequested; batch++)
        {
            var source = random.Next(Sources);
            var comments = Enumerable.Range(0, BatchSize)
                .Select(i => new Comment(Tenant, SourceName(source), $"p{producer}-{batch}-{i}", i == 7 && batch % 10 == 0 ? "poison pill" : i % 4 == 0 ? "it is broken" : "works fine", DateTimeOffset.UtcNow))
                .ToList();
            if (await TryIngestAsync(comments))
            {
                // Every fifth batch a client retries the previous one (its answer was lost): the same ids again.
                if (batch % 5 == 4 && previous is not null && await TryIngestAsync(previous))
                {
                    Interlocked.Increment(ref _resent);
                }

                previous = comments;
            }
        }
    }

    /// <summary>What the ingestion route does: admit by id, then publish; a refusal waits (briefly) as a client would.</summary>
    private async Task<bool> TryIngestAsync(List<Comment> comments)
    {
        var ids = comments.Select(c => c.Id!).ToArray();
        var admission = await fixture.Cluster.GrainFactory.GetGrain<ITenantAdmissionGrain>(Tenant).AdmitAsync(comments[0].Source, ids);
        if (!admission.Admitted)
        {
            Interlocked.Increment(ref _refused);
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(admission.RetryAfter.TotalMilliseconds, 100)));
            return false;
        }

        await fixture.Cluster.Client.GetStreamProvider(Constants.StreamProviderName)
            .GetStream<Comment>(StreamId.Create(Constants.CommentsNamespace, $"{Tenant}/{comments[0].Source}"))
            .OnNextBatchAsync(comments);
        var added = comments.Count(comment => _accepted.TryAdd($"{comment.Source}/{comment.Id}", 0));
        Interlocked.Add(ref _acceptedCount, added);
        return true;
    }

    /// <summary>
    /// Reads the gauge between two counts: comments accepted before the reading (a lower bound of those admitted) and
    /// comments completed after it (an upper bound of those completed), so accepted − completed never exceeds the number
    /// truly in flight when the gauge was read.
    /// </summary>
    private async Task<(int Readings, int BelowTrue)> SampleGaugeAsync(CancellationToken stop)
    {
        var readings = 0;
        var below = 0;
        while (!stop.IsCancellationRequested)
        {
            var accepted = Interlocked.Read(ref _acceptedCount);
            var gauge = fixture.InFlight.Count;
            var completed = await CompletedAsync();
            readings++;
            if (gauge < accepted - completed)
            {
                below++;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), stop);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return (readings, below);
    }

    private async Task<int> CompletedAsync()
    {
        var total = 0;
        for (var s = 0; s < Sources; s++)
        {
            total += (await Source(s).GetWindowAsync()).Count;
        }

        return total + (int)(await fixture.Cluster.GrainFactory.GetGrain<IDeadLetterGrain>(Tenant).GetAsync(1)).Total;
    }

    private IFeedbackSourceGrain Source(int source) => fixture.Cluster.GrainFactory.GetGrain<IFeedbackSourceGrain>($"{Tenant}/{SourceName(source)}");

    private static string SourceName(int source) => $"s{source}";

    /// <summary>Comments the fixture's silo dropped as duplicates, from its own meter.</summary>
    private sealed class DuplicateCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public DuplicateCounter(IMeterFactory silo)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "orleans_sentiment_comments_duplicate" && ReferenceEquals(instrument.Meter.Scope, silo))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
