namespace Orleans.Sentiment.Contracts.TenantModels;

/// <summary>A tenant model: its definition, its versions (oldest first) and the one that serves now, if any.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.TenantModelSnapshot")]
public sealed record TenantModelSnapshot(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string Model,
    [property: Id(2)] TenantModelDefinition Definition,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string? ActiveVersion,
    [property: Id(5)] IReadOnlyList<ModelVersion> Versions)
{
    public string QualifiedName => new TenantModelKey(Tenant, Model).QualifiedName;
}
