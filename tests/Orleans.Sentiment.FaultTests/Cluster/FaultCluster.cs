using System.Net.Http.Json;
using Orleans.Sentiment.FaultTests.Services;
using Orleans.Sentiment.Modeling;

namespace Orleans.Sentiment.FaultTests.Cluster;

/// <summary>
/// A production-profile cluster of real silo processes (and optionally a front-end) on the given Redis and NATS,
/// with its own cluster id and JetStream stream so clusters of different tests never meet. Serves a lexicon
/// model the fixture writes: comments with "broken" are negative, the rest positive.
/// </summary>
public sealed class FaultCluster : IAsyncDisposable
{
    private static int _clusters;
    private readonly string _model = Directory.CreateTempSubdirectory("fault-model-").FullName;
    private readonly List<SiloNode> _silos = [];

    private FaultCluster(IClusterServices services, string name)
    {
        Services = services;
        Name = name;
        LexiconModelBuilder.Write(_model, ["negative", "positive"], [0f, 0.5f], new Dictionary<string, float[]> { ["broken"] = [20f, 0f] });
    }

    public IClusterServices Services { get; }

    /// <summary>Cluster id, service id and JetStream stream name.</summary>
    public string Name { get; }

    public IReadOnlyList<SiloNode> Silos => _silos;

    public SiloNode? Frontend { get; private set; }

    /// <summary>Where clients send requests: the front-end when there is one, else every silo.</summary>
    public IReadOnlyList<Uri> EntryPoints => Frontend is { } frontend ? [frontend.BaseUrl] : _silos.Select(s => s.BaseUrl).ToArray();

    public static async Task<FaultCluster> StartAsync(IClusterServices services, int silos, bool frontend = false, IReadOnlyList<string>? roles = null, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var cluster = new FaultCluster(services, $"fault-{Environment.ProcessId}-{Interlocked.Increment(ref _clusters)}");
        try
        {
            for (var i = 0; i < silos; i++)
            {
                var settings = cluster.Settings("silo", extraSettings);
                settings["Orleans:Metadata:role"] = roles?[i] ?? "all";
                cluster._silos.Add(new SiloNode($"silo {i + 1} ({settings["Orleans:Metadata:role"]})", settings));
            }

            // The first silo creates the JetStream stream; the others join it.
            await cluster._silos[0].StartAsync();
            await Task.WhenAll(cluster._silos.Skip(1).Select(s => s.StartAsync()));
            if (frontend)
            {
                cluster.Frontend = new SiloNode("front-end", cluster.Settings("frontend", extraSettings));
                await cluster.Frontend.StartAsync();
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sets a window large enough to hold every comment a test sends to the source.</summary>
    public async Task SetWindowSizeAsync(IEnumerable<string> sources, int windowSize)
    {
        using var http = new HttpClient { BaseAddress = EntryPoints[0], Timeout = TimeSpan.FromSeconds(30) };
        foreach (var source in sources)
        {
            using var response = await http.PutAsJsonAsync($"/v1/tenants/{IngestionDriver.Tenant}/sources/{source}/alert-policy", new { windowSize });
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Every node's output, for failure messages.</summary>
    public string Logs(int lastCharacters = 6000) =>
        string.Join("\n", _silos.Append(Frontend).OfType<SiloNode>().Select(s => $"==== {s.Name} ====\n{Tail(s.Output, lastCharacters)}"));

    public async ValueTask DisposeAsync()
    {
        if (Frontend is not null)
        {
            await Frontend.DisposeAsync();
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        // The stream provider's subjects are the same for every cluster, so only one stream may exist at a time.
        await WindowCounts.DeleteStreamAsync(this);
        Directory.Delete(_model, recursive: true);
    }

    private Dictionary<string, string> Settings(string role, IReadOnlyDictionary<string, string>? extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Cluster:Profile"] = "production",
            ["Host:Role"] = role,
            ["Redis:ConnectionString"] = Services.RedisConnectionString,
            ["Nats:Url"] = Services.NatsUrl,
            ["Nats:StreamName"] = Name,
            ["Orleans:ClusterId"] = Name,
            ["Orleans:ServiceId"] = Name,
            ["Models:0:Name"] = "sentiment",
            ["Models:0:Path"] = _model,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static string Tail(string text, int characters) => text.Length <= characters ? text : text[^characters..];
}
