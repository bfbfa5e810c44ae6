using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.Grains.TenantModels;

/// <summary>A tenant model's definition and version records; the artifacts are in their own grains.</summary>
[GenerateSerializer, Alias("sentiment.TenantModelState")]
public sealed class TenantModelState
{
    [Id(0)]
    public TenantModelDefinition? Definition { get; set; }

    [Id(1)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Oldest first.</summary>
    [Id(2)]
    public List<ModelVersion> Versions { get; set; } = [];

    [Id(3)]
    public string? ActiveVersion { get; set; }
}
