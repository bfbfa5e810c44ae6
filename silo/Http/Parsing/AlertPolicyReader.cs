using System.Globalization;
using System.Xml;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>Turns a PUT alert-policy body into a policy, with absent fields taking their defaults, or the errors by field.</summary>
internal static class AlertPolicyReader
{
    public static (AlertPolicy? Policy, IReadOnlyDictionary<string, string> Errors) Read(AlertPolicyDto body)
    {
        var errors = new Dictionary<string, string>();
        if (!TryParseDuration(body.Cooldown, out var cooldown))
        {
            errors["cooldown"] = "must be an ISO 8601 duration (PT15M) or hh:mm:ss";
        }

        if (!TryParseDuration(body.WindowDuration, out var windowDuration))
        {
            errors["windowDuration"] = "must be an ISO 8601 duration (PT10M) or hh:mm:ss";
        }

        if (!TryParseDuration(body.BaselineHalfLife, out var halfLife))
        {
            errors["baselineHalfLife"] = "must be an ISO 8601 duration (P7D) or hh:mm:ss";
        }

        var detector = ReadDetector(body.Detector, "detector", errors);
        var watches = body.Watches?.Select((w, i) => w is null
            ? null
            : new AlertWatch(w.Model?.Trim() ?? "", w.Label?.Trim() ?? "", ReadDetector(w.Detector, $"watches[{i}].detector", errors), w.Threshold, w.Alpha, w.MinLift)).ToList();
        if (watches is not null && watches.IndexOf(null) is var missing and >= 0)
        {
            errors[$"watches[{missing}]"] = "must be an object with model and label";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var defaults = AlertPolicy.Default;
        var windowSize = body.WindowSize ?? defaults.WindowSize;
        var policy = new AlertPolicy(
            windowSize,
            body.Threshold ?? defaults.Threshold,
            body.MinCount ?? Math.Min(defaults.MinCount, windowSize),
            cooldown ?? defaults.Cooldown,
            string.IsNullOrWhiteSpace(body.WebhookUrl) ? null : body.WebhookUrl,
            windowDuration,
            body.ExportMetrics ?? false,
            body.Models is null ? null : [.. body.Models.Select(m => m?.Trim() ?? "")],
            string.IsNullOrWhiteSpace(body.WatchModel) ? null : body.WatchModel.Trim(),
            string.IsNullOrWhiteSpace(body.WatchLabel) ? null : body.WatchLabel.Trim(),
            detector ?? defaults.Detector,
            body.Alpha ?? defaults.Alpha,
            body.MinLift ?? defaults.MinLift,
            body.MinBaseline ?? defaults.MinBaseline,
            body.BaselineHorizon ?? defaults.BaselineHorizon,
            halfLife,
            watches?.Select(w => w!).ToArray(),
            body.IncludeExamples ?? false,
            body.IncludeUnsupportedLanguages ?? false);
        var invalid = policy.Validate();
        return invalid.Count > 0 ? (null, invalid) : (policy, invalid);
    }

    private static SpikeDetector? ReadDetector(string? text, string field, Dictionary<string, string> errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null:
                return null;
            case "threshold":
                return SpikeDetector.Threshold;
            case "baseline":
                return SpikeDetector.Baseline;
            default:
                errors[field] = "must be threshold or baseline";
                return null;
        }
    }

    private static bool TryParseDuration(string? text, out TimeSpan? duration)
    {
        duration = null;
        if (text is null)
        {
            return true;
        }

        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        if (TimeSpan.TryParseExact(text, ["c", @"hh\:mm\:ss", @"h\:mm\:ss"], CultureInfo.InvariantCulture, out var parsed))
        {
            duration = parsed;
            return true;
        }

        return false;
    }
}
