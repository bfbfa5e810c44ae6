namespace Orleans.Sentiment.Grains.Training;

/// <summary>A tenant's most recent training job ids (key: the tenant), for listing; the jobs keep their own state.</summary>
[Alias("sentiment.ITenantJobsGrain")]
public interface ITenantJobsGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task AddAsync(string jobId);

    /// <summary>Newest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync(int limit);
}
