using System.Net.Http.Json;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.FaultTests.Cluster;

/// <summary>Reads the windows of every source and the JetStream backlog, and waits for the pipeline to settle.</summary>
public static class WindowCounts
{
    public sealed record Window(int Count, int NegativeCount);

    public sealed record Snapshot(IReadOnlyDictionary<string, Window> Windows, long StreamMessages)
    {
        public override string ToString() =>
            $"stream holds {StreamMessages} message(s); windows: {string.Join(", ", Windows.Select(w => $"{w.Key}={w.Value.Count}/{w.Value.NegativeCount} negative"))}";
    }

    /// <summary>
    /// Waits until every source's window holds its accepted count and JetStream holds no unacknowledged message
    /// (so no redelivery can still come), then returns that state. Fails at once if any window holds more than
    /// was accepted: a comment counted twice.
    /// </summary>
    public static async Task<Snapshot> WaitForSettledAsync(FaultCluster cluster, IReadOnlyDictionary<string, int> accepted, TimeSpan timeout)
    {
        return await Eventually.WaitForAsync(
            () => ReadAsync(cluster, accepted.Keys),
            snapshot =>
            {
                var over = snapshot.Windows.FirstOrDefault(w => w.Value.Count > accepted[w.Key]);
                if (over.Key is not null)
                {
                    throw new Xunit.Sdk.XunitException($"{over.Key} counts {over.Value.Count} comments but only {accepted[over.Key]} were accepted: duplicates. {snapshot}");
                }

                return snapshot.StreamMessages == 0 && accepted.All(a => snapshot.Windows.TryGetValue(a.Key, out var w) && w.Count == a.Value);
            },
            "every accepted comment in the windows and an empty stream",
            timeout);
    }

    public static async Task<Snapshot> ReadAsync(FaultCluster cluster, IEnumerable<string> sources)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var windows = new Dictionary<string, Window>();
        foreach (var source in sources)
        {
            foreach (var entry in cluster.EntryPoints)
            {
                try
                {
                    var window = await http.GetFromJsonAsync<Window>(new Uri(entry, $"/v1/tenants/{IngestionDriver.Tenant}/sources/{source}/window"));
                    windows[source] = window!;
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // That entry point is down or busy; ask the next one.
                }
            }
        }

        return new Snapshot(windows, await StreamMessagesAsync(cluster));
    }

    public static async Task DeleteStreamAsync(FaultCluster cluster)
    {
        await using var connection = new NatsConnection(NatsOpts.Default with { Url = cluster.Services.NatsUrl });
        try
        {
            await new NatsJSContext(connection).DeleteStreamAsync(cluster.Name);
        }
        catch (NatsJSApiException)
        {
            // Never created.
        }
    }

    private static async Task<long> StreamMessagesAsync(FaultCluster cluster)
    {
        await using var connection = new NatsConnection(NatsOpts.Default with { Url = cluster.Services.NatsUrl });
        try
        {
            var stream = await new NatsJSContext(connection).GetStreamAsync(cluster.Name);
            return stream.Info.State.Messages;
        }
        catch (NatsException)
        {
            return -1;
        }
    }
}
