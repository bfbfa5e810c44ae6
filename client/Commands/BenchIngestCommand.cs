using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Orleans.Sentiment.Client.Load;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// <c>bench-ingest</c>: N clients post batches for T seconds to a running silo; prints accepted, rejected by status,
/// classified, dead-lettered, lost (must be 0), latency percentiles and the silo's peak RSS.
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
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("bench-ingest", "Load test of the ingestion route: accepted, rejected by status, classified, dead-lettered, lost (= accepted - classified - dead-lettered), p50/p99 latency, silo peak RSS.")
        {
            url, apiKey, tenant, clients, duration, sources, batchSize, settle, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(clients) < 1 || parse.GetValue(duration) < 1 || parse.GetValue(sources) < 1 || parse.GetValue(batchSize) < 1 || parse.GetValue(settle) < 1)
            {
                await Console.Error.WriteLineAsync("--clients, --duration, --sources, --batch-size and --settle-timeout must be positive.");
                return 1;
            }

            var options = new IngestLoadOptions(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), parse.GetValue(tenant)!, parse.GetValue(clients),
                TimeSpan.FromSeconds(parse.GetValue(duration)), parse.GetValue(sources), parse.GetValue(batchSize), TimeSpan.FromSeconds(parse.GetValue(settle)));
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
