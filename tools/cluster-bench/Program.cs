using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Orleans.Sentiment.ClusterBench;
using Orleans.Sentiment.Testing;

// End-to-end comments/s and ingest→window latency of the embedded default and the production profile (Redis +
// NATS JetStream), same model (the built-in one unless --model DIR), same run. Prints figures; asserts nothing.
//   dotnet build silo -c Release && dotnet run -c Release --project tools/cluster-bench -- [--comments N] [--silos N] [--probes N] [--model DIR]
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length ? args[p.i + 1] : "");
var comments = int.Parse(options.GetValueOrDefault("comments", "20000"), CultureInfo.InvariantCulture);
var silos = int.Parse(options.GetValueOrDefault("silos", "1"), CultureInfo.InvariantCulture);
var probes = int.Parse(options.GetValueOrDefault("probes", "200"), CultureInfo.InvariantCulture);
var model = options.GetValueOrDefault("model");
var root = FindRoot();
var siloDll = Path.Combine(root, "silo", "bin", "Release", "net10.0", "linux-x64", "Orleans.Sentiment.Silo.dll");
if (!File.Exists(siloDll))
{
    Console.Error.WriteLine($"Build the silo first: dotnet build silo -c Release ({siloDll} is missing).");
    return 2;
}

var results = new List<string>();
var work = Directory.CreateTempSubdirectory("cluster-bench-").FullName;
try
{
    results.Add(await MeasureAsync("embedded", 1, []));
    var (redis, nats, redisAddress, natsUrl) = await BenchProcess.StartServicesAsync(work);
    await using (redis)
    await using (nats)
    {
        results.Add(await MeasureAsync("production", silos,
        [
            "--Cluster:Profile=production", $"--Redis:ConnectionString={redisAddress}", $"--Nats:Url={natsUrl}",
            "--Orleans:AdvertisedIP=127.0.0.1", "--Orleans:ClusterId=bench", "--Orleans:ServiceId=bench",
        ]));
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"{comments} comments over 8 sources, batches of 100, 4 concurrent clients; latency: {probes} single-comment probes under a steady background load.");
Console.WriteLine("| profile | silos | comments/s (ingest to all counted) | p50 ingest→window ms | p99 ingest→window ms |");
Console.WriteLine("|---|---:|---:|---:|---:|");
results.ForEach(Console.WriteLine);
return 0;

async Task<string> MeasureAsync(string profile, int siloCount, string[] settings)
{
    var processes = new List<BenchProcess>();
    var urls = new List<Uri>();
    try
    {
        for (var i = 0; i < siloCount; i++)
        {
            var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            string[] siloArgs = [siloDll, "--urls", url.ToString().TrimEnd('/'), $"--Orleans:SiloPort={FreePort.Next()}", $"--Orleans:GatewayPort={FreePort.Next()}", .. settings];
            if (!string.IsNullOrEmpty(model))
            {
                siloArgs = [.. siloArgs, "--Models:0:Name=sentiment", $"--Models:0:Path={model}"];
            }

            processes.Add(BenchProcess.Start("dotnet", siloArgs, Path.Combine(root, "silo")));
            urls.Add(url);
            await WaitReadyAsync(url, processes[^1]);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var run = Guid.NewGuid().ToString("N")[..8];
        var sources = Enumerable.Range(0, 8).Select(i => $"bench-{run}-{i}").ToArray();
        foreach (var source in sources.Append($"probe-{run}"))
        {
            (await http.PutAsJsonAsync(new Uri(urls[0], $"/v1/tenants/bench/sources/{source}/alert-policy"), new { windowSize = 100_000 })).EnsureSuccessStatusCode();
        }

        // Throughput: post everything, then wait until every window counts it.
        var watch = Stopwatch.StartNew();
        var batches = Enumerable.Range(0, (comments + 99) / 100).ToArray();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, _) =>
            await PostAsync(http, urls[batch % urls.Count], sources[batch % sources.Length], $"t{batch}", Math.Min(100, comments - (batch * 100))));
        var counted = 0;
        while (counted < comments)
        {
            counted = 0;
            foreach (var source in sources)
            {
                counted += await CountAsync(http, urls[0], source);
            }

            // Poll interval while the backlog drains.
            await Task.Delay(50);
        }

        var throughput = comments / watch.Elapsed.TotalSeconds;

        // Latency: single-comment probes while a background client keeps ~200 comments/s flowing.
        using var stop = new CancellationTokenSource();
        var background = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await PostAsync(http, urls[i % urls.Count], sources[i % sources.Length], $"b{i}", 20);
                // Pacing of the background load (about 200 comments/s), not a wait for a state.
                await Task.Delay(100);
            }
        });
        var latencies = new List<double>();
        var probeSource = $"probe-{run}";
        for (var p = 0; p < probes; p++)
        {
            var before = await CountAsync(http, urls[0], probeSource);
            var sent = Stopwatch.StartNew();
            await PostAsync(http, urls[p % urls.Count], probeSource, $"p{p}", 1);
            while (await CountAsync(http, urls[0], probeSource) <= before)
            {
                // Poll interval of the latency probe (its resolution).
                await Task.Delay(2);
            }

            latencies.Add(sent.Elapsed.TotalMilliseconds);
        }

        await stop.CancelAsync();
        await background;
        latencies.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"| {profile} | {siloCount} | {throughput:0} | {Percentile(latencies, 0.50):0.0} | {Percentile(latencies, 0.99):0.0} |");
    }
    finally
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }
    }
}

static async Task PostAsync(HttpClient http, Uri url, string source, string prefix, int count)
{
    var body = JsonSerializer.Serialize(Enumerable.Range(0, count).Select(i => new { id = $"{prefix}-{i}", text = i % 5 == 0 ? "The app keeps crashing, refund please" : "Love the new dashboard, works great" }));
    for (var attempt = 0; ; attempt++)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(url, $"/v1/tenants/bench/sources/{source}/comments"), content);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            return;
        }

        if (attempt > 100 || ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests))
        {
            throw new InvalidOperationException($"Ingestion answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        // Backoff before sending a refused batch again.
        await Task.Delay(50);
    }
}

static async Task<int> CountAsync(HttpClient http, Uri url, string source) =>
    (await http.GetFromJsonAsync<JsonElement>(new Uri(url, $"/v1/tenants/bench/sources/{source}/window"))).GetProperty("count").GetInt32();

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static async Task WaitReadyAsync(Uri url, BenchProcess process)
{
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
    for (var attempt = 0; attempt < 3000; attempt++)
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"The silo at {url} exited during start-up.");
        }

        try
        {
            if ((await http.GetAsync(new Uri(url, "/health/ready"))).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Not listening yet.
        }

        // Poll interval while the silo starts.
        await Task.Delay(100);
    }

    throw new TimeoutException($"The silo at {url} was not ready in time.");
}

static string FindRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Orleans.Sentiment.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Orleans.Sentiment.sln not found above the tool.");
}
