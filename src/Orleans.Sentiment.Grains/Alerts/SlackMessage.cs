using System.Globalization;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>The Slack incoming-webhook payload for an alert: plain text for notifications plus a Block Kit section.</summary>
public static class SlackMessage
{
    public static string Text(AlertNotification alert)
    {
        var source = $"{alert.Tenant}/{alert.Source}";
        var counts = $"{alert.NegativeCount}/{alert.Count} negative in the last {alert.Count} comments{Within(alert)}";
        return alert.Kind == AlertKind.Spike
            ? $"High negative feedback on {source}: {counts}"
            : $"Negative feedback on {source} is back to normal: {counts}";
    }

    /// <summary>" (of the last 10 min)" when the source has a time window.</summary>
    private static string Within(AlertNotification alert) => alert.WindowDuration is { } d
        ? string.Create(CultureInfo.InvariantCulture, $" within {(d.TotalMinutes >= 1 ? $"{d.TotalMinutes:0.#} min" : $"{d.TotalSeconds:0} s")}")
        : "";

    public static JsonObject Payload(AlertNotification alert)
    {
        var share = alert.Count == 0 ? 0 : (double)alert.NegativeCount / alert.Count;
        var headline = alert.Kind == AlertKind.Spike ? ":rotating_light: *High negative feedback*" : ":white_check_mark: *Negative feedback back to normal*";
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{headline} on `{alert.Tenant}/{alert.Source}`\n*{alert.NegativeCount}/{alert.Count}* negative ({share:0%}) in the last {alert.Count} comments{Within(alert)}; threshold {alert.Threshold:0%} of {alert.WindowSize}.");
        return new JsonObject
        {
            ["text"] = Text(alert),
            ["blocks"] = new JsonArray(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = detail },
            }),
        };
    }
}
