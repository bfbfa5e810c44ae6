using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orleans.Sentiment.Observability.Tests.Grafana;
using Orleans.Sentiment.Observability.Tests.Silo;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Observability.Tests.Prometheus;

/// <summary>
/// Debian's Prometheus, running the project's prometheus.yml and rules.yml (only the target rewritten), scrapes a
/// real silo under load; every query of the Grafana dashboard and every rule then has to answer plausibly.
/// </summary>
[Collection(ObservedSiloCollection.Name)]
public sealed partial class PrometheusDashboardTests(ObservedSiloFixture fixture)
{
    private const string Tenant = "grafana";

    // CommentLoad sends batches of ten comments with exactly three complaints, so any 50 consecutive comments
    // hold 15 negative ones.
    private const double LoadNegativeShare = 0.3;
    private const int WindowSize = 50;

    [PrometheusFact]
    public async Task GrafanaQueriesAndRules_RealSiloUnderLoad_EveryOneAnswersPlausibly()
    {
        await using var delivered = new WebhookReceiver();
        await using var refused = new WebhookReceiver(failFirst: int.MaxValue);
        await PutPolicyAsync("app-store", delivered.Url);
        await PutPolicyAsync("tickets", refused.Url);
        await using var prometheus = await PrometheusServer.StartAsync(fixture.Silo.BaseUrl.Authority);

        // The first scrape sees the counters at 0, so the alerts raised under load count as increases.
        await Eventually.WaitForAsync(() => prometheus.QueryAsync("orleans_sentiment_alerts_sent_total == 0"), r => r.Count == 1, "Prometheus' first scrape of the silo");
        await using var load = new CommentLoad(fixture.Http, Tenant, ["app-store", "tickets"], TimeSpan.FromMilliseconds(200));

        var queries = GrafanaDashboard.Queries();
        var panels = await Eventually.WaitForAsync(
            () => AnswerAsync(prometheus, queries),
            answers => answers.All(a => a.Problem is null),
            "every Grafana query to answer plausibly",
            TimeSpan.FromMinutes(3));
        Assert.Equal(queries.Count, panels.Count);
        Assert.True(queries.Count >= 20, $"only {queries.Count} queries in the dashboard");

        var rules = await Eventually.WaitForAsync(
            () => RuleAnswersAsync(prometheus),
            answers => answers.All(a => a.Problem is null),
            "every rule to be evaluated and answer plausibly",
            TimeSpan.FromMinutes(2));
        Assert.Contains(rules, r => r.Name == "SentimentNegativeRatioHigh");
        Assert.True(delivered.Received.Count >= 1, "the working webhook received no alert");
        Assert.True(refused.Requests >= 1, "the refusing webhook was never called");
        Assert.True(load.Accepted > 0);

        // Every series the dashboard and the rules read exists on the silo (no misspelt metric hides behind an
        // expression that is allowed to be empty).
        var metricNames = queries.Select(q => q.Expression).Concat(rules.Select(r => r.Query))
            .SelectMany(e => MetricName().Matches(e).Select(m => m.Value))
            .Where(n => !n.Contains(':'))
            .Distinct()
            .ToList();
        foreach (var name in metricNames)
        {
            var series = await prometheus.QueryAsync($"count({name})");
            Assert.True(series.Count == 1, $"{name} has no series in Prometheus");
        }
    }

    private sealed record PanelAnswer(GrafanaDashboard.PanelQuery Query, QueryAnswer Answer, string? Problem)
    {
        public override string ToString() => $"{Query.Panel}: {Problem ?? "ok"} ({Answer})";
    }

    private sealed record RuleAnswer(string Name, string Query, QueryAnswer Answer, string? Problem)
    {
        public override string ToString() => $"{Name}: {Problem ?? "ok"} ({Answer})";
    }

    private static async Task<IReadOnlyList<PanelAnswer>> AnswerAsync(PrometheusServer prometheus, IReadOnlyList<GrafanaDashboard.PanelQuery> queries)
    {
        var answers = new List<PanelAnswer>();
        foreach (var query in queries)
        {
            var answer = QueryAnswer.From(query.Expression, await prometheus.QueryAsync(query.Expression));
            answers.Add(new PanelAnswer(query, answer, PanelProblem(query, answer)));
        }

        return new ProblemList<PanelAnswer>(answers);
    }

    /// <summary>Null when the answer is plausible for the panel under the test's load, else what is wrong.</summary>
    private static string? PanelProblem(GrafanaDashboard.PanelQuery query, QueryAnswer answer)
    {
        if (answer.Samples.Count == 0)
        {
            return "no data";
        }

        if (answer.Samples.FirstOrDefault(s => !double.IsFinite(s.Value) || s.Value < 0) is { } bad)
        {
            return $"not a finite non-negative number: {bad}";
        }

        if (query.Unit == "percentunit" && answer.Samples.Any(s => s.Value > 1))
        {
            return "a ratio above 1";
        }

        bool Near(double actual, double expected) => Math.Abs(actual - expected) < 0.05;
        return (query.Panel, query.Legend) switch
        {
            ("Negative ratio per exported source", _) => Require(answer, s => Near(s.Value, LoadNegativeShare), ("tenant", Tenant), ("source", "app-store")),
            ("Window size per exported source", _) => Require(answer, s => s.Value == WindowSize, ("tenant", Tenant), ("source", "tickets")),
            ("Negative share, all sources", _) => Require(answer, s => Near(s.Value, LoadNegativeShare), ("model", "sentiment")),
            ("Label mix (last hour)", _) => Require(answer, s => s.Value > 0, ("model", "sentiment"), ("label", "negative"))
                ?? Require(answer, s => s.Value > 0, ("model", "category"), ("label", "bug report")),
            ("Label mix /s", _) => Require(answer, s => s.Value > 0, ("model", "category"), ("label", "praise")),
            ("Comments ingested /s" or "Comments classified /s" or "Ingest and classify rate", _) => Require(answer, s => s.Value > 0),
            ("Alerts raised (1h)", _) => Require(answer, s => s.Value >= 1, ("kind", "spike")),
            ("Webhook deliveries (1h)", "sent" or "failed") => Require(answer, s => s.Value >= 1),
            ("Activations by grain type", _) => Require(answer, s => s.Value >= 2, ("grain_type", "feedbacksource")),
            ("Model call latency quantiles", _) => Require(answer, s => s.Value is > 0 and < 10),
            ("Batch size quantiles", _) => Require(answer, s => s.Value >= 1),
            _ => null,
        };
    }

    private static string? Require(QueryAnswer answer, Func<QueryAnswer.Sample, bool> plausible, params (string Label, string Value)[] labels) =>
        answer.Where(labels).Any(plausible) ? null : $"no sample with {string.Join(",", labels.Select(l => $"{l.Label}={l.Value}"))} as expected";

    private async Task<IReadOnlyList<RuleAnswer>> RuleAnswersAsync(PrometheusServer prometheus)
    {
        var answers = new List<RuleAnswer>();
        foreach (var rule in (await prometheus.RulesAsync()).SelectMany(g => g!["rules"]!.AsArray()).Select(r => r!.AsObject()))
        {
            var name = (string)rule["name"]!;
            var query = (string)rule["query"]!;
            var answer = QueryAnswer.From(query, await prometheus.QueryAsync(query));
            answers.Add(new RuleAnswer(name, query, answer, RuleProblem(rule, name, answer)));
        }

        return new ProblemList<RuleAnswer>(answers);
    }

    private static string? RuleProblem(JsonObject rule, string name, QueryAnswer answer)
    {
        if ((string?)rule["health"] != "ok")
        {
            return $"health {(string?)rule["health"]}: {(string?)rule["lastError"]}";
        }

        if ((string?)rule["lastEvaluation"] is null or "0001-01-01T00:00:00Z")
        {
            return "not evaluated yet";
        }

        if ((string?)rule["type"] == "recording")
        {
            return answer.Samples.Count > 0 && answer.Samples.All(s => double.IsFinite(s.Value) && s.Value >= 0) ? null : "no finite data";
        }

        // Alerting rules: those the load provokes must fire, the others must stay silent on a healthy silo
        // (rules.test.yml proves each of those fires on the series that should trigger it).
        return name switch
        {
            "SentimentNegativeRatioHigh" =>
                Require(answer, s => Math.Abs(s.Value - LoadNegativeShare) < 0.05, ("tenant", Tenant), ("source", "app-store"))
                ?? Require(answer, s => Math.Abs(s.Value - LoadNegativeShare) < 0.05, ("tenant", Tenant), ("source", "tickets")),
            "SentimentWebhookFailures" => Require(answer, s => s.Value >= 1),
            _ => answer.Samples.Count == 0 ? null : "fires on a healthy silo",
        };
    }

    private async Task PutPolicyAsync(string source, string webhookUrl)
    {
        using var response = await fixture.Http.PutAsJsonAsync($"/v1/tenants/{Tenant}/sources/{source}/alert-policy",
            new { windowSize = WindowSize, threshold = 0.10, minCount = 20, cooldown = "PT1H", webhookUrl, exportMetrics = true });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"\b(orleans_[a-z_:]+|up)\b(?!\s*\()")]
    private static partial Regex MetricName();

    /// <summary>A list whose ToString shows every entry, so a timeout names each failing query.</summary>
    private sealed class ProblemList<T>(IEnumerable<T> items) : List<T>(items)
    {
        public override string ToString() => "\n" + string.Join("\n", this);
    }
}
