using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Orleans.Sentiment.Client.Load;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// <c>bench-ingest</c>: N clients post batches for T seconds to a running silo (or cluster) while a quiet tenant probes
/// beside them; prints accepted, rejected by status, classified, dead-lettered by reason, unaccounted (must be 0),
/// duplicate deliveries, the quiet tenant's waits, request latency and each silo's RSS at start, peak and after idle.
/// </summary>
internal static class BenchIngestCommand
{
    public static Command Create()
    {
        var url = SiloUrlOption.Create();
        var apiKey = ApiKeyOption.Create();
        var tenant = new Option<string>("--tenant") { Description = "Tenant to load; use a fresh one, its windows are the count of classified comments.", DefaultValueFactory = _ => $"bench-{DateTime.UtcNow:yyyyMMddHHmmss}" };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients.", DefaultValueFactory = _ => 20 };
        var duration = new Option<int>("--duration") { Description = "Seconds of load.", DefaultValueFactory = _ => 30 };
        var sources = new Option<int>("--sources") { Description = "Sources the clients spread over.", DefaultValueFactory = _ => 8 };
        var batchSize = new Option<int>("--batch-size") { Description = "Comments per request.", DefaultValueFactory = _ => 50 };
        var settle = new Option<int>("--settle-timeout") { Description = "Most seconds to wait, after the load, for every accepted comment to be counted.", DefaultValueFactory = _ => 300 };
        var quietInterval = new Option<int>("--quiet-interval") { Description = "Milliseconds between the quiet tenant's single-comment probes ({tenant}-quiet); 0: no probes.", DefaultValueFactory = _ => 1000 };
        var metricsUrls = new Option<string[]>("--metrics-url") { Description = "Silo whose /metrics to read (RSS, duplicates, dead-letter reasons, in flight); repeat for each silo of a cluster. Default: --url.", AllowMultipleArgumentsPerToken = true };
        var idle = new Option<int>("--idle") { Description = "Seconds to idle after the pipeline settled before reading RSS again.", DefaultValueFactory = _ => 15 };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("bench-ingest", "Soak test of the ingestion route: accepted, rejected by status, classified, dead-lettered, unaccounted (= accepted - classified - dead-lettered), duplicates, a quiet tenant's wait beside the load, p50/p99 latency, silo RSS.")
        {
            url, apiKey, tenant, clients, duration, sources, batchSize, settle, quietInterval, metricsUrls, idle, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(clients) < 1 || parse.GetValue(duration) < 1 || parse.GetValue(sources) < 1 || parse.GetValue(batchSize) < 1 || parse.GetValue(settle) < 1)
            {
                await Console.Error.WriteLineAsync("--clients, --duration, --sources, --batch-size and --settle-timeout must be positive.");
                return 1;
            }

            if (parse.GetValue(quietInterval) < 0 || parse.GetValue(idle) < 0)
            {
                await Console.Error.WriteLineAsync("--quiet-interval and --idle must be 0 or more.");
                return 1;
            }

            var silo = parse.GetValue(url)!;
            var given = parse.GetValue(metricsUrls) ?? [];
            if (given.FirstOrDefault(u => !Uri.TryCreate(u, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https")) is { } bad)
            {
                await Console.Error.WriteLineAsync($"--metrics-url must be an absolute http or https URL, not '{bad}'.");
                return 1;
            }

            Uri[] metrics = given.Length > 0 ? [.. given.Select(u => new Uri(u))] : [silo];

            var options = new IngestLoadOptions(silo, ApiKeyOption.Resolve(parse, apiKey), parse.GetValue(tenant)!, parse.GetValue(clients),
                TimeSpan.FromSeconds(parse.GetValue(duration)), parse.GetValue(sources), parse.GetValue(batchSize), TimeSpan.FromSeconds(parse.GetValue(settle)),
                parse.GetValue(quietInterval) > 0 ? TimeSpan.FromMilliseconds(parse.GetValue(quietInterval)) : null, metrics, TimeSpan.FromSeconds(parse.GetValue(idle)));
            try
            {
                using var load = new IngestLoad(options, line => Console.Error.WriteLine(line));
                var result = await load.RunAsync(cancellationToken);
                Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(result) : string.Join(Environment.NewLine, result.Lines()));
                return result.Lost == 0 ? 0 : 2;
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or JsonException)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }
}
