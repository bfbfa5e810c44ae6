namespace Orleans.Sentiment.Contracts;

/// <summary>
/// Admits a tenant's comments to the pipeline; key "{tenant}". It bounds what the tenant has in flight (comments
/// admitted to the stream but not yet classified or dead-lettered, counted by source and comment id, so a re-sent or
/// redelivered comment counts once) and how many sources it has, and keeps that list of sources (so a correction given
/// by comment id can be resolved).
/// </summary>
[Alias("sentiment.ITenantGrain")] // A wire name: it stays as it is whatever the interface is called, so silos and clients of different versions agree.
public interface ITenantAdmissionGrain : IGrainWithStringKey
{
    /// <summary>Reserves room for the comments <paramref name="ids"/> of <paramref name="source"/>, or says why not.</summary>
    [Alias("Admit")]
    Task<Admission> AdmitAsync(string source, IReadOnlyList<string> ids);

    /// <summary>
    /// Returns room for those of <paramref name="ids"/> that are in flight: comments classified, dead-lettered, dropped
    /// as duplicates, or never published. Ids not in flight (a duplicate's, once the first copy completed) release nothing.
    /// </summary>
    /// <param name="source">The comments' source.</param>
    /// <param name="ids">Their ids.</param>
    /// <param name="completed">True when they left the pipeline (classified or dead-lettered); false when they were never published.</param>
    [Alias("Complete")]
    Task CompleteAsync(string source, IReadOnlyList<string> ids, bool completed);

    /// <summary>The sources the tenant has been admitted to, sorted.</summary>
    [Alias("GetSources")]
    Task<IReadOnlyList<string>> GetSourcesAsync();

    /// <summary>Comments admitted and not yet completed.</summary>
    [Alias("GetInFlight")]
    Task<int> GetInFlightAsync();
}
