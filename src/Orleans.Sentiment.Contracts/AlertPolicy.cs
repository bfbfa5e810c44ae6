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
    [property: Id(9)] string? WatchLabel = null)
{
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

        return errors;
    }
}
