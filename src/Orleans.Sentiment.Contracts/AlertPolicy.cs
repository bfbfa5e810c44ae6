namespace Orleans.Sentiment.Contracts;

/// <summary>
/// When a source alerts: once at least <see cref="MinCount"/> comments are in the last <see cref="WindowSize"/>
/// and the negative share is strictly greater than <see cref="Threshold"/>. One alert per spike, at most one per
/// <see cref="Cooldown"/>; a recovery message when the share falls back to the threshold or below.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.AlertPolicy")]
public sealed record AlertPolicy(
    [property: Id(0)] int WindowSize,
    [property: Id(1)] double Threshold,
    [property: Id(2)] int MinCount,
    [property: Id(3)] TimeSpan Cooldown,
    [property: Id(4)] string? WebhookUrl)
{
    public const int MaxWindowSize = 100_000;

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

        if (Cooldown < TimeSpan.Zero)
        {
            errors["cooldown"] = "must not be negative";
        }

        if (WebhookUrl is not null && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors["webhookUrl"] = "must be an absolute http or https URL";
        }

        return errors;
    }
}
