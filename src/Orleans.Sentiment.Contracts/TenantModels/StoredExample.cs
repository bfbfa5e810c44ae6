namespace Orleans.Sentiment.Contracts.TenantModels;

[GenerateSerializer, Immutable, Alias("sentiment.StoredExample")]
public sealed record StoredExample(
    [property: Id(0)] string Id, [property: Id(1)] string Text, [property: Id(2)] IReadOnlyList<string> Labels,
    [property: Id(3)] bool IsCorrection, [property: Id(4)] DateTimeOffset AddedAt);
