using System.Diagnostics;
using System.Net.Http.Json;
using Orleans.Sentiment.Client.Load;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Client.Bench;

/// <summary>End-to-end figures of one pipeline run.</summary>
internal sealed record PipelineResult(int Comments, int Sources, double Seconds, long SiloRssBytes, long SiloPeakRssBytes, double MeanBatchTexts, double MeanPaddingRatio, double ModelBusySeconds, ThreadCpu SiloCpu)
{
    public double CommentsPerSecond => Comments / Math.Max(Seconds, 1e-9);
}

/// <summary>
/// The silo pipeline end to end: the real silo process on loopback with the model configured, comments posted
/// over HTTP into several sources at once, timed until the sources' windows count every comment.
/// </summary>
internal static class PipelineBench
{
    private const string Tenant = "bench";
    private const int RequestSize = 50;

    public static async Task<PipelineResult> RunAsync(
        string siloAssembly, string modelDirectory, string? variant, IReadOnlyList<string> texts, int sources,
        IReadOnlyDictionary<string, string> settings, Action<string> log, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, string>(settings)
        {
            ["Models:0:Path"] = Path.GetFullPath(modelDirectory),
            ["Models:0:Name"] = "bench",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (!string.IsNullOrEmpty(variant))
        {
            all["Models:0:Variant"] = variant;
        }

        await using var silo = await SiloLauncher.StartAsync(siloAssembly, all, cancellationToken);
        try
        {
            return await MeasureAsync(silo, texts, sources, log, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            var output = silo.Output;
            throw new InvalidOperationException($"{e.Message} The silo said:\n{output[Math.Max(0, output.Length - 4000)..]}", e);
        }
    }

    private static async Task<PipelineResult> MeasureAsync(SiloLauncher silo, IReadOnlyList<string> texts, int sources, Action<string> log, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = silo.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };

        // Warm the model up (first calls allocate), as the offline measurement does.
        using (var warm = await http.PostAsJsonAsync(ApiRoutes.Path(ApiRoutes.Classify), new ClassifyRequest([.. texts.Take(32)]), HttpApiJson.Options, cancellationToken))
        {
            warm.EnsureSuccessStatusCode();
        }

        var perSource = Enumerable.Range(0, sources)
            .Select(s => texts.Select((text, i) => (text, i)).Where(p => p.i % sources == s).ToList())
            .ToList();
        for (var s = 0; s < sources; s++)
        {
            // A window as large as the source's share, so the window's count reaches every comment.
            var policy = new AlertPolicyDto(WindowSize: Math.Max(1, perSource[s].Count), Threshold: 0.99, MinCount: 1, Cooldown: "PT15M", WebhookUrl: null);
            using var put = await http.PutAsJsonAsync(ApiRoutes.Path(ApiRoutes.AlertPolicy, Tenant, SourceName(s)), policy, HttpApiJson.Options, cancellationToken);
            put.EnsureSuccessStatusCode();
        }

        var warmUpSeconds = Sum(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken), "orleans_sentiment_classification_duration_seconds_sum");
        log($"Posting {texts.Count} comments into {sources} sources of {silo.BaseUrl} ...");
        var cpuBefore = ThreadCpu.Read(silo.ProcessId);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(perSource.Select((comments, s) => PostAsync(http, s, comments, cancellationToken)));
        var posted = watch.Elapsed.TotalSeconds;
        // Progress from /metrics (a window read waits behind a source's stream delivery), then the windows.
        // A scrape costs the silo CPU, so poll rarely while much is left and often near the end.
        long classified;
        while ((classified = await ClassifiedAsync(http, cancellationToken)) < texts.Count)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(30))
            {
                throw new TimeoutException($"Not all of {texts.Count} comments were classified after 30 minutes.");
            }

            var rate = classified / Math.Max(watch.Elapsed.TotalSeconds, 1e-3);
            var remaining = rate > 0 ? (texts.Count - classified) / rate : 2.0;
            await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(remaining / 3, 0.05, 2.0)), cancellationToken);
        }

        while (await CountedAsync(http, sources, cancellationToken) < texts.Count)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(30))
            {
                throw new TimeoutException($"Not all of {texts.Count} comments were counted in the windows after 30 minutes.");
            }

            await Task.Delay(50, cancellationToken);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var cpu = ThreadCpu.Read(silo.ProcessId) - cpuBefore;
        log(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"All {texts.Count} counted after {seconds:F1} s (posting took {posted:F1} s)."));
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        return new PipelineResult(texts.Count, sources, seconds, ProcessMemory.ResidentBytes(silo.ProcessId), ProcessMemory.PeakResidentBytes(silo.ProcessId),
            Mean(metrics, "orleans_sentiment_classification_batch_size"), Mean(metrics, "orleans_sentiment_inference_padding_ratio"),
            Sum(metrics, "orleans_sentiment_classification_duration_seconds_sum") - warmUpSeconds, cpu);
    }

    private static double Sum(string metrics, string series) => metrics.Split('\n')
        .Where(l => l.StartsWith(series + "{", StringComparison.Ordinal))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A histogram's mean (sum / count) from the Prometheus text.</summary>
    private static double Mean(string metrics, string histogram)
    {
        double Value(string suffix) => metrics.Split('\n')
            .Where(l => l.StartsWith(histogram + suffix + "{", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        var count = Value("_count");
        return count == 0 ? 0 : Value("_sum") / count;
    }

    private static async Task<long> ClassifiedAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        var total = 0.0;
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith("orleans_sentiment_comments_classified_total{", StringComparison.Ordinal) && line.Contains("model=\"bench\"", StringComparison.Ordinal))
            {
                total += double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return (long)total;
    }

    private static async Task<int> CountedAsync(HttpClient http, int sources, CancellationToken cancellationToken)
    {
        var counted = 0;
        for (var s = 0; s < sources; s++)
        {
            using var response = await http.GetAsync(ApiRoutes.Path(ApiRoutes.Window, Tenant, SourceName(s)), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return 0;
            }

            var window = await response.Content.ReadFromJsonAsync<WindowDto>(HttpApiJson.Options, cancellationToken);
            counted += window!.Count;
        }

        return counted;
    }

    private static async Task PostAsync(HttpClient http, int source, List<(string Text, int Index)> comments, CancellationToken cancellationToken)
    {
        var patient = new PatientHttp(http);
        foreach (var chunk in comments.Chunk(RequestSize))
        {
            var body = chunk.Select(c => new IncomingComment($"c{c.Index}", c.Text, null)).ToArray();
            using var response = await patient.PostJsonAsync(ApiRoutes.Path(ApiRoutes.Comments, Tenant, SourceName(source)), body, cancellationToken);
            if ((int)response.StatusCode != 202)
            {
                throw new InvalidOperationException($"Ingestion answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }

    private static string SourceName(int source) => $"source-{source}";
}
