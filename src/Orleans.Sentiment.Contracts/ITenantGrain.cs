namespace Orleans.Sentiment.Contracts;

/// <summary>
/// A tenant's ledger; key "{tenant}". It knows the tenant's sources (so a correction given by comment id can be
/// resolved) and bounds what the tenant has in flight: comments admitted to the stream but not yet classified or
/// dead-lettered.
/// </summary>
[Alias("sentiment.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Reserves room for <paramref name="count"/> comments to <paramref name="source"/>, or says why not.</summary>
    [Alias("Admit")]
    Task<Admission> AdmitAsync(string source, int count);

    /// <summary>Returns room: comments that were classified, dead-lettered, dropped as duplicates, or never published.</summary>
    [Alias("Complete")]
    Task CompleteAsync(int count);

    [Alias("GetSources")]
    Task<IReadOnlyList<string>> GetSourcesAsync();

    /// <summary>Comments admitted and not yet completed.</summary>
    [Alias("GetInFlight")]
    Task<int> GetInFlightAsync();
}
