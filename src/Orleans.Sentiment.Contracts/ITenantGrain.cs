namespace Orleans.Sentiment.Contracts;

/// <summary>Knows a tenant's sources, so a correction given by comment id can be resolved to its text.</summary>
[Alias("sentiment.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    [Alias("RegisterSource")]
    Task RegisterSourceAsync(string source);

    [Alias("GetSources")]
    Task<IReadOnlyList<string>> GetSourcesAsync();
}
