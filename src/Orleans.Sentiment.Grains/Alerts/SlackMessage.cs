using System.Globalization;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// The Slack incoming-webhook payload for an alert: plain text for notifications plus a Block Kit section. It names the
/// label watched, its share of the window, the window, and the source's long-run share when the detector compares with it.
/// </summary>
public static class SlackMessage
{
    public static string Text(AlertNotification alert)
    {
        var source = $"{alert.Tenant}/{alert.Source}";
        var label = LabelName(alert);
        var counts = $"{alert.NegativeCount}/{alert.Count} {alert.Label} in the last {alert.Count} comments{Within(alert)}{Against(alert)}";
        return alert.Kind == AlertKind.Spike
            ? $"High {label} feedback on {source}: {counts}"
            : $"{Capitalised(label)} feedback on {source} is back to normal: {counts}";
    }

    public static JsonObject Payload(AlertNotification alert)
    {
        var share = alert.Count == 0 ? 0 : (double)alert.NegativeCount / alert.Count;
        var label = LabelName(alert);
        var headline = alert.Kind == AlertKind.Spike ? $":rotating_light: *High {label} feedback*" : $":white_check_mark: *{Capitalised(label)} feedback back to normal*";
        var rule = alert.Detector == SpikeDetector.Baseline
            ? string.Create(CultureInfo.InvariantCulture, $"usual share {alert.Baseline ?? 0:0.#%}")
            : string.Create(CultureInfo.InvariantCulture, $"threshold {alert.Threshold:0%} of {alert.WindowSize}");
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{headline} on `{alert.Tenant}/{alert.Source}`\n*{alert.NegativeCount}/{alert.Count}* {alert.Label} ({share:0%}) in the last {alert.Count} comments{Within(alert)}; {rule}.");
        var blocks = new JsonArray(Section(detail));
        if (alert.Themes.Count > 0)
        {
            blocks.Add(Section("*What it is about:*\n" + string.Join("\n", alert.Themes.Select(Theme))));
        }

        return new JsonObject { ["text"] = Text(alert), ["blocks"] = blocks };
    }

    /// <summary>"• late · delayed · hours — 34 comments (28%)", with its examples quoted when the policy includes them.</summary>
    private static string Theme(AlertTheme theme)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"• *{Escape(theme.Name)}* — {theme.Count} comments ({theme.Share:0%})");
        return theme.Examples.Count == 0 ? line : line + string.Concat(theme.Examples.Select(e => $"\n> {Escape(Shortened(e))}"));
    }

    private static JsonObject Section(string markdown) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = markdown },
    };

    private static string Shortened(string text) => text.Length <= 200 ? text.ReplaceLineEndings(" ") : text[..199].ReplaceLineEndings(" ") + "…";

    /// <summary>Slack's mrkdwn control characters, so comment text cannot mention channels or break the layout.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>"negative", or "bug report" (category) for another model's label.</summary>
    private static string LabelName(AlertNotification alert) => alert.Model is { } model && alert.Label != "negative"
        ? $"{alert.Label} ({model})"
        : alert.Label;

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>" (of the last 10 min)" when the source has a time window.</summary>
    private static string Within(AlertNotification alert) => alert.WindowDuration is { } d
        ? string.Create(CultureInfo.InvariantCulture, $" within {(d.TotalMinutes >= 1 ? $"{d.TotalMinutes:0.#} min" : $"{d.TotalSeconds:0} s")}")
        : "";

    /// <summary>", usually 12%" for the baseline detector.</summary>
    private static string Against(AlertNotification alert) => alert.Detector == SpikeDetector.Baseline && alert.Baseline is { } baseline
        ? string.Create(CultureInfo.InvariantCulture, $", usually {baseline:0.#%}")
        : "";
}
