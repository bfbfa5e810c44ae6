namespace Orleans.Sentiment.Contracts;

public enum AdmissionStatus
{
    Admitted,

    /// <summary>The tenant has too many comments in flight: 429 with Retry-After.</summary>
    TenantBusy,

    /// <summary>The silo holding the tenant's ledger has too many comments in flight: 503.</summary>
    SiloBusy,

    /// <summary>The tenant already has the most sources allowed and this one is new: 429.</summary>
    TooManySources,
}

/// <summary>The tenant ledger's answer to "may these comments enter the pipeline?".</summary>
[GenerateSerializer, Immutable, Alias("sentiment.Admission")]
public sealed record Admission(
    [property: Id(0)] AdmissionStatus Status,
    [property: Id(1)] TimeSpan RetryAfter,
    [property: Id(2)] string Detail)
{
    public bool Admitted => Status == AdmissionStatus.Admitted;

    public static Admission Accept { get; } = new(AdmissionStatus.Admitted, TimeSpan.Zero, "");
}
