namespace Orleans.Sentiment.Contracts;

/// <summary>
/// When a source alerts: once at least <see cref="MinCount"/> comments are in the window (the last
/// <see cref="WindowSize"/> comments, and only those of the last <see cref="WindowDuration"/> when one is set) and
/// the negative share is strictly greater than <see cref="Threshold"/>. One message per change of state, and at most
/// one message (spike or recovery) per <see cref="Cooldown"/>; a recovery message when the share falls back to the
/// threshold or below. <see cref="ExportMetrics"/> opts the source into per-source Prometheus series.
/// <see cref="Models"/> chooses the models that run on the source's comments (the silo's configured models by name,
/// the tenant's own as "tenant:model"; null: every configured model). <see cref="WatchModel"/> and
/// <see cref="WatchLabel"/> make the share the policy watches that label's share of that model's predictions instead
/// of the negative share (e.g. "stability" past 20%).
/// <see cref="Detector"/> chooses how that share is judged: past <see cref="Threshold"/>, or against the source's own
/// long-run share (<see cref="SpikeDetector.Baseline"/>: significant at <see cref="Alpha"/>, at least
/// <see cref="MinLift"/> above it, once <see cref="MinBaseline"/> comments have taught it; learnt over
/// <see cref="BaselineHorizon"/> comments, or with a <see cref="BaselineHalfLife"/> in time). <see cref="Watches"/>
/// adds further labels of any model, each alerting on its own. A comment in a language a model does not read is left out
/// of that model's shares (it is counted as unsupported_language) unless <see cref="IncludeUnsupportedLanguages"/>, which has
/// every model label every comment. <see cref="IncludeExamples"/> lets an alert carry
/// comment text to the webhook (off: alerts leave the machine).
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.AlertPolicy")]
public sealed record AlertPolicy(
    [property: Id(0)] int WindowSize,
    [property: Id(1)] double Threshold,
    [property: Id(2)] int MinCount,
    [property: Id(3)] TimeSpan Cooldown,
    [property: Id(4)] string? WebhookUrl,
    [property: Id(5)] TimeSpan? WindowDuration = null,
    [property: Id(6)] bool ExportMetrics = false,
    [property: Id(7)] IReadOnlyList<string>? Models = null,
    [property: Id(8)] string? WatchModel = null,
    [property: Id(9)] string? WatchLabel = null,
    [property: Id(10)] SpikeDetector Detector = SpikeDetector.Threshold,
    [property: Id(11)] double Alpha = AlertPolicy.DefaultAlpha,
    [property: Id(12)] double MinLift = AlertPolicy.DefaultMinLift,
    [property: Id(13)] int MinBaseline = AlertPolicy.DefaultMinBaseline,
    [property: Id(14)] int BaselineHorizon = AlertPolicy.DefaultBaselineHorizon,
    [property: Id(15)] TimeSpan? BaselineHalfLife = null,
    [property: Id(16)] IReadOnlyList<AlertWatch>? Watches = null,
    [property: Id(17)] bool IncludeExamples = false,
    [property: Id(18)] bool IncludeUnsupportedLanguages = false)
{
    /// <summary>The key of the policy's main share (negative, or <see cref="WatchLabel"/>) among its watches.</summary>
    public const string MainWatchKey = "";

    public const double DefaultAlpha = 0.0001;

    public const double DefaultMinLift = 0.25;

    public const int DefaultMinBaseline = 300;

    public const int DefaultBaselineHorizon = 2000;

    /// <summary>Most further labels one policy may watch.</summary>
    public const int MaxWatches = 10;

    /// <summary>Most models one source may run on its comments.</summary>
    public const int MaxModels = 10;

    public const int MaxWindowSize = 100_000;

    /// <summary>No two alert messages of a source closer than this, so a flapping source cannot flood a channel.</summary>
    public static readonly TimeSpan MinCooldown = TimeSpan.FromMinutes(1);

    /// <summary>Longest time window: a day.</summary>
    public static readonly TimeSpan MaxWindowDuration = TimeSpan.FromDays(1);

    /// <summary>Shortest time window; the window is re-evaluated on a timer, so shorter would be noise.</summary>
    public static readonly TimeSpan MinWindowDuration = TimeSpan.FromSeconds(10);

    public static AlertPolicy Default { get; } = new(100, 0.10, 20, TimeSpan.FromMinutes(15), null);

    /// <summary>Problems with this policy, keyed by field name; empty when valid.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (WindowSize is < 1 or > MaxWindowSize)
        {
            errors["windowSize"] = $"must be between 1 and {MaxWindowSize}";
        }

        if (double.IsNaN(Threshold) || Threshold is < 0 or >= 1)
        {
            errors["threshold"] = "must be at least 0 and less than 1";
        }

        if (MinCount < 1 || MinCount > WindowSize)
        {
            errors["minCount"] = "must be between 1 and windowSize";
        }

        if (Cooldown < MinCooldown || Cooldown > TimeSpan.FromDays(7))
        {
            errors["cooldown"] = "must be at least PT1M and at most P7D";
        }

        if (WindowDuration is { } duration && (duration < MinWindowDuration || duration > MaxWindowDuration))
        {
            errors["windowDuration"] = "must be at least PT10S and at most P1D when given";
        }

        if (WebhookUrl is not null && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors["webhookUrl"] = "must be an absolute http or https URL";
        }

        if (Models is { } models && (models.Count is 0 or > MaxModels || models.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > 129) || models.Distinct(StringComparer.Ordinal).Count() != models.Count))
        {
            errors["models"] = $"must list 1 to {MaxModels} distinct model names when given";
        }

        if ((WatchModel is null) != (WatchLabel is null))
        {
            errors[WatchModel is null ? "watchModel" : "watchLabel"] = "watchModel and watchLabel go together";
        }
        else if (WatchModel is not null && Models is { } chosen && !chosen.Contains(WatchModel, StringComparer.Ordinal))
        {
            errors["watchModel"] = "must be one of the source's models";
        }

        ValidateDetection(errors);
        return errors;
    }

    /// <summary>The main share and every further watch, each with the policy's values filled in where it left them out.</summary>
    public IEnumerable<WatchRule> Judges()
    {
        yield return new WatchRule(MainWatchKey, WatchModel, WatchLabel ?? "negative", Detector, Threshold, Alpha, MinLift);
        foreach (var watch in Watches ?? [])
        {
            yield return new WatchRule(watch.Key, watch.Model, watch.Label, watch.Detector ?? Detector, watch.Threshold ?? Threshold, watch.Alpha ?? Alpha, watch.MinLift ?? MinLift);
        }
    }

    private void ValidateDetection(Dictionary<string, string> errors)
    {
        if (!Enum.IsDefined(Detector))
        {
            errors["detector"] = "must be threshold or baseline";
        }

        if (!IsAlpha(Alpha))
        {
            errors["alpha"] = "must be greater than 0 and at most 0.5";
        }

        if (!IsLift(MinLift))
        {
            errors["minLift"] = "must be between 0 and 10";
        }

        if (MinBaseline is < 1 or > 10_000_000)
        {
            errors["minBaseline"] = "must be between 1 and 10000000";
        }

        if (BaselineHorizon is < 10 or > 10_000_000)
        {
            errors["baselineHorizon"] = "must be between 10 and 10000000";
        }

        if (BaselineHalfLife is { } halfLife && (halfLife < TimeSpan.FromMinutes(1) || halfLife > TimeSpan.FromDays(365)))
        {
            errors["baselineHalfLife"] = "must be at least PT1M and at most P365D when given";
        }

        if (Watches is not { } watches)
        {
            return;
        }

        if (watches.Count > MaxWatches)
        {
            errors["watches"] = $"must list at most {MaxWatches} labels";
            return;
        }

        for (var i = 0; i < watches.Count; i++)
        {
            var watch = watches[i];
            var problem =
                string.IsNullOrWhiteSpace(watch.Model) || watch.Model.Length > 129 ? "model must name a model" :
                string.IsNullOrWhiteSpace(watch.Label) || watch.Label.Length > 100 ? "label must name a label of at most 100 characters" :
                Models is { } chosen && !chosen.Contains(watch.Model, StringComparer.Ordinal) ? "model must be one of the source's models" :
                Models is null && watch.Model.Contains(':', StringComparison.Ordinal) ? "model is a tenant model, which runs on a source only when models lists it" :
                watch.Detector is { } d && !Enum.IsDefined(d) ? "detector must be threshold or baseline" :
                watch.Threshold is { } t && (double.IsNaN(t) || t is < 0 or >= 1) ? "threshold must be at least 0 and less than 1" :
                watch.Alpha is { } a && !IsAlpha(a) ? "alpha must be greater than 0 and at most 0.5" :
                watch.MinLift is { } l && !IsLift(l) ? "minLift must be between 0 and 10" :
                watches.Take(i).Any(w => w.Key == watch.Key) ? "watches the same label twice" :
                null;
            if (problem is not null)
            {
                errors[$"watches[{i}]"] = problem;
            }
        }
    }

    private static bool IsAlpha(double alpha) => !double.IsNaN(alpha) && alpha is > 0 and <= 0.5;

    private static bool IsLift(double lift) => !double.IsNaN(lift) && lift is >= 0 and <= 10;
}
