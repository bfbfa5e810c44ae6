namespace Orleans.Sentiment.Observability.Tests.Prometheus;

/// <summary>Debian's <c>prometheus</c> package (prometheus and promtool on PATH), installed by .ci/run.</summary>
internal static class PrometheusBinaries
{
    public const string Missing =
        "prometheus/promtool are not installed (apt-get install -y --no-install-recommends prometheus; .ci/run does this).";

    public static string? Prometheus { get; } = Find("prometheus");

    public static string? Promtool { get; } = Find("promtool");

    /// <summary>The project's deploy/prometheus folder.</summary>
    public static string DeployFolder { get; } = Path.Combine(Testing.TestPaths.RepositoryRoot, "deploy", "prometheus");

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>A fact that needs Debian's prometheus package: skipped, saying why, where it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PrometheusFactAttribute : FactAttribute
{
    public PrometheusFactAttribute()
    {
        if (PrometheusBinaries.Prometheus is null || PrometheusBinaries.Promtool is null)
        {
            Skip = PrometheusBinaries.Missing;
        }
    }
}
