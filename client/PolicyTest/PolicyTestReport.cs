using System.Globalization;
using Orleans.Sentiment.Client.Replay;
using Orleans.Sentiment.HttpApi;
using Spectre.Console;

namespace Orleans.Sentiment.Client.PolicyTest;

/// <summary>How <c>policy-test</c> shows one source's result: a table of the alerts and a summary line.</summary>
internal static class PolicyTestReport
{
    public static Table Alerts(IReadOnlyList<PolicyTestAlertDto> alerts)
    {
        var table = new Table().AddColumns("time", "kind", "label", "hits/count", "share", "baseline", "comment");
        foreach (var alert in alerts)
        {
            table.AddRow(
                ReplaySummary.Time(alert.At),
                alert.Kind,
                Markup.Escape(alert.Model is null ? alert.Label : $"{alert.Model}/{alert.Label}"),
                $"{alert.Hits}/{alert.Count}",
                Share(alert.Share),
                alert.Baseline is { } baseline ? Share(baseline) : "-",
                Markup.Escape(alert.CommentId ?? ""));
        }

        return table;
    }

    /// <summary>"delta: 2222 comments (2222 classified) …; 3 alerts (2 spikes), 13.5 per 10,000 comments".</summary>
    public static string Summary(string source, PolicyTestResponse result)
    {
        var spikes = result.Alerts.Count(a => a.Kind == "spike");
        var failed = result.Failed > 0 ? $", {result.Failed} failed" : "";
        var span = result.From is { } from && result.To is { } to ? $" from {ReplaySummary.Time(from)} to {ReplaySummary.Time(to)}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{source}: {result.Comments} comments ({result.Classified} classified{failed}){span}; {result.Alerts.Count} alerts ({spikes} spike{(spikes == 1 ? "" : "s")}), {PerTenThousand(result.Alerts.Count, result.Classified):0.0} per 10,000 comments.");
    }

    /// <summary>Alerts per 10,000 classified comments: how often the policy would have paged on this history.</summary>
    public static double PerTenThousand(int alerts, int comments) => comments == 0 ? 0 : alerts * 10_000.0 / comments;

    private static string Share(double share) => share.ToString("0.000", CultureInfo.InvariantCulture);
}
