using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Observability.Tests.Grafana;

/// <summary>The dashboard file imports into Grafana as it is and its queries run unchanged on Prometheus' API.</summary>
public sealed class GrafanaDashboardFileTests
{
    [Fact]
    public void Panels_DashboardFile_UniqueIdsAndTheDatasourceVariable()
    {
        var dashboard = GrafanaDashboard.Load();
        var panels = GrafanaDashboard.Panels(dashboard["panels"]!.AsArray()).ToList();

        Assert.Equal("orleans-sentiment", (string?)dashboard["uid"]);
        Assert.Equal(panels.Count, panels.Select(p => (int)p["id"]!).Distinct().Count());
        Assert.Contains(dashboard["templating"]!["list"]!.AsArray(), v => (string?)v!["name"] == "datasource" && (string?)v["type"] == "datasource");
        Assert.All(panels.Where(p => (string?)p["type"] != "row"), p => Assert.Equal("${datasource}", (string?)p["datasource"]!["uid"]));
    }

    [Fact]
    public void Queries_DashboardFile_NoGrafanaVariablesAndDistinctReferenceIds()
    {
        var queries = GrafanaDashboard.Queries();

        Assert.NotEmpty(queries);
        // Fixed ranges instead of $__rate_interval and friends: each query runs as it is on Prometheus' HTTP API.
        Assert.All(queries, q => Assert.DoesNotContain("$", q.Expression));
        Assert.All(queries, q => Assert.Matches(@"orleans_|up\{", q.Expression));
    }

    [Fact]
    public void Panels_BriefsList_EveryRequiredPanelPresent()
    {
        var titles = GrafanaDashboard.Queries().Select(q => q.Panel).ToHashSet();

        string[] required =
        [
            "Ingest and classify rate", "Label mix /s", "Negative ratio per exported source", "Batch size quantiles",
            "Model call latency quantiles", "Alerts raised (1h)", "Webhook deliveries (1h)", "Activations by grain type",
        ];
        Assert.All(required, title => Assert.Contains(title, titles));
    }

    [Fact]
    public void RuleTests_RulesFile_EveryAlertHasAUnitTest()
    {
        var folder = Prometheus.PrometheusBinaries.DeployFolder;
        var alerts = Regex.Matches(File.ReadAllText(Path.Combine(folder, "rules.yml")), @"^\s*- alert: (\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var tested = Regex.Matches(File.ReadAllText(Path.Combine(folder, "rules.test.yml")), @"alertname: (\w+)").Select(m => m.Groups[1].Value).ToHashSet();

        Assert.True(alerts.Count >= 4, "rules.yml has fewer alerts than the brief asks for");
        Assert.All(alerts, alert => Assert.Contains(alert, tested));
    }
}
