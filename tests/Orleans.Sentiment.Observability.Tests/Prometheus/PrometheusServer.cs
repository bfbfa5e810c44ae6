using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Observability.Tests.Prometheus;

/// <summary>
/// A real Prometheus process running the project's prometheus.yml and rules.yml, with only the scrape target
/// rewritten, a temporary storage folder and a free loopback port.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    /// <summary>The one static target of the project's prometheus.yml (the embedded silo's default URL).</summary>
    public const string ProjectTarget = "- localhost:5080";

    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly StringBuilder _output = new();

    private PrometheusServer(Process process, DirectoryInfo folder, Uri baseUrl)
    {
        _process = process;
        _folder = folder;
        Http = new HttpClient { BaseAddress = baseUrl };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Http { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="target">host:port of the silo to scrape.</param>
    public static async Task<PrometheusServer> StartAsync(string target)
    {
        var folder = Directory.CreateTempSubdirectory("prometheus-");
        var config = await File.ReadAllTextAsync(Path.Combine(PrometheusBinaries.DeployFolder, "prometheus.yml"));
        var occurrences = config.Split(ProjectTarget).Length - 1;
        if (occurrences != 1)
        {
            throw new InvalidOperationException($"prometheus.yml should list the target '{ProjectTarget}' exactly once, found {occurrences}.");
        }

        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "prometheus.yml"), config.Replace(ProjectTarget, "- " + target, StringComparison.Ordinal));
        File.Copy(Path.Combine(PrometheusBinaries.DeployFolder, "rules.yml"), Path.Combine(folder.FullName, "rules.yml"));

        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo(PrometheusBinaries.Prometheus!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder.FullName,
        };
        start.ArgumentList.Add("--config.file=" + Path.Combine(folder.FullName, "prometheus.yml"));
        start.ArgumentList.Add("--storage.tsdb.path=" + Path.Combine(folder.FullName, "data"));
        start.ArgumentList.Add("--web.listen-address=" + baseUrl.Authority);
        start.ArgumentList.Add("--log.level=warn");

        var server = new PrometheusServer(Process.Start(start)!, folder, baseUrl);
        try
        {
            await Eventually.WaitForAsync(
                async () => server._process.HasExited ? "exited" : await server.ReadinessAsync(),
                state => state is "ready" or "exited",
                "Prometheus to become ready",
                TimeSpan.FromMinutes(1));
            if (server._process.HasExited)
            {
                await server._process.WaitForExitAsync();
                throw new InvalidOperationException($"Prometheus exited during start-up:\n{server.Output}");
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Runs an instant query; throws with Prometheus' message when the query is rejected.</summary>
    public async Task<JsonArray> QueryAsync(string expression)
    {
        using var response = await Http.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(expression));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if ((string?)body["status"] != "success")
        {
            throw new InvalidOperationException($"Prometheus rejected '{expression}': {body["errorType"]}: {body["error"]}");
        }

        var data = body["data"]!;
        return (string?)data["resultType"] switch
        {
            "vector" => data["result"]!.AsArray(),
            "scalar" => [new JsonObject { ["metric"] = new JsonObject(), ["value"] = data["result"]!.DeepClone() }],
            var other => throw new InvalidOperationException($"'{expression}' answered a {other}, not an instant vector."),
        };
    }

    /// <summary>The rule groups Prometheus loaded, with each rule's query, health and last error.</summary>
    public async Task<JsonArray> RulesAsync()
    {
        var body = JsonNode.Parse(await Http.GetStringAsync("/api/v1/rules"))!;
        return body["data"]!["groups"]!.AsArray();
    }

    public static double Value(JsonNode sample) =>
        double.Parse((string)sample["value"]![1]!, NumberStyles.Float, CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    private async Task<string> ReadinessAsync()
    {
        try
        {
            using var response = await Http.GetAsync("/-/ready");
            return response.IsSuccessStatusCode ? "ready" : "starting";
        }
        catch (HttpRequestException)
        {
            return "starting";
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
