namespace Orleans.Sentiment.Contracts.TenantModels;

/// <summary>
/// The cluster's serving versions of tenant models, by qualified name ("tenant:model"); one grain (key 0). Silos
/// poll it with the revision they know and get nothing back while it has not changed, so polling is cheap.
/// </summary>
[Alias("sentiment.IActiveModelsGrain")]
public interface IActiveModelsGrain : IGrainWithIntegerKey
{
    /// <summary>Sets (or, with null, removes) the serving version of <paramref name="qualifiedName"/>.</summary>
    [Alias("Set")]
    Task SetAsync(string qualifiedName, ActiveModel? active);

    /// <summary>Every serving version, or null when the revision is still <paramref name="knownRevision"/>.</summary>
    [Alias("GetSnapshot")]
    Task<ActiveModelsSnapshot?> GetSnapshotAsync(long knownRevision);
}

/// <summary>A serving version: its id, the base encoder it adapts, its labels and whether they are multi-label.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.ActiveModel")]
public sealed record ActiveModel(
    [property: Id(0)] string VersionId,
    [property: Id(1)] string BaseModel,
    [property: Id(2)] IReadOnlyList<string> Labels,
    [property: Id(3)] bool MultiLabel);

[GenerateSerializer, Immutable, Alias("sentiment.ActiveModelsSnapshot")]
public sealed record ActiveModelsSnapshot([property: Id(0)] long Revision, [property: Id(1)] IReadOnlyDictionary<string, ActiveModel> Models);
