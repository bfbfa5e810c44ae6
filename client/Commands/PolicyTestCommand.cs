using System.CommandLine;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Client.Http;
using Orleans.Sentiment.Client.PolicyTest;
using Orleans.Sentiment.Client.Replay;
using Orleans.Sentiment.HttpApi;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// <c>policy-test</c>: tries an alert policy on a time-stamped file before it pages anyone. Each source's rows go to
/// the silo in one request, which classifies them and plays them through the policy; nothing is posted or stored.
/// </summary>
internal static class PolicyTestCommand
{
    /// <summary>Classifying a whole source's history takes a while; the silo answers once it is done.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(30);

    public static Command Create()
    {
        var file = new TimedFileOptions();
        var policy = new Option<FileInfo?>("--policy") { Description = "JSON file with the alert policy to try, as PUT alert-policy takes it (default: each source's current policy)." };
        var output = new Option<FileInfo?>("--output") { Description = "Write the alerts as JSON lines, each with its source." };
        var url = SiloUrlOption.Create();
        var apiKey = ApiKeyOption.Create();
        var command = new Command("policy-test", "Try an alert policy on a time-stamped file: when it would have alerted. Nothing is posted to a webhook or stored.");
        file.AddTo(command);
        foreach (var option in new Option[] { policy, output, url, apiKey })
        {
            command.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            JsonElement? policyJson = null;
            if (parse.GetValue(policy) is { } policyFile && (policyJson = PolicyFile.Read(policyFile, out var problem)) is null)
            {
                await Console.Error.WriteLineAsync(problem);
                return 2;
            }

            if (file.Load(parse, "policy-test") is not { } comments)
            {
                return 2;
            }

            using var api = new SiloApi(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), timeout: RequestTimeout);
            return await RunAsync(api, parse.GetValue(file.Tenant)!, policyJson, comments, parse.GetValue(output), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(SiloApi api, string tenant, JsonElement? policy, IReadOnlyList<ReplayComment> comments, FileInfo? output, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var (total, alerts) = (0, 0);
        var sources = comments.GroupBy(c => c.Source).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var source in sources)
        {
            var sent = source.Select(c => new PolicyTestComment(c.Id, c.Text, c.Timestamp)).ToArray();
            PolicyTestResponse result;
            try
            {
                result = await api.TestPolicyAsync(tenant, source.Key, policy, sent, cancellationToken);
            }
            catch (SiloApiException e) when (e.Status == (int)HttpStatusCode.RequestEntityTooLarge)
            {
                await Console.Error.WriteLineAsync($"{source.Key}: its {sent.Length} comments are more than the silo takes in one request (Ingestion:MaxRequestBytes); split the file by time or raise the setting. {e.Message}");
                return 1;
            }
            catch (Exception e) when (e is SiloApiException or HttpRequestException)
            {
                await Console.Error.WriteLineAsync($"{source.Key}: {e.Message}");
                return 1;
            }

            if (result.Alerts.Count > 0)
            {
                AnsiConsole.Write(PolicyTestReport.Alerts(result.Alerts));
            }

            Console.WriteLine(PolicyTestReport.Summary(source.Key, result));
            lines.AddRange(result.Alerts.Select(a => Line(source.Key, a)));
            (total, alerts) = (total + result.Classified, alerts + result.Alerts.Count);
        }

        if (sources.Count > 1)
        {
            Console.WriteLine($"All {sources.Count} sources: {total} comments classified, {alerts} alerts, {PolicyTestReport.PerTenThousand(alerts, total).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} per 10,000 comments.");
        }

        if (output is not null)
        {
            await File.WriteAllLinesAsync(output.FullName, lines, cancellationToken);
        }

        return 0;
    }

    /// <summary>One alert as a JSON line, its source first.</summary>
    private static string Line(string source, PolicyTestAlertDto alert)
    {
        var line = new JsonObject { ["source"] = source };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(alert, HttpApiJson.Options)!.AsObject())
        {
            line[name] = value?.DeepClone();
        }

        return line.ToJsonString();
    }
}
