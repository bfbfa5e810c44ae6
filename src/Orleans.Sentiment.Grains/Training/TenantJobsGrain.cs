using Orleans.Runtime;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Training;

[GenerateSerializer, Alias("sentiment.TenantJobsState")]
public sealed class TenantJobsState
{
    /// <summary>Oldest first.</summary>
    [Id(0)] public List<string> JobIds { get; set; } = [];
}

/// <inheritdoc cref="ITenantJobsGrain"/>
public sealed class TenantJobsGrain([PersistentState("tenantJobs", Constants.StorageName)] IPersistentState<TenantJobsState> state) : Grain, ITenantJobsGrain
{
    /// <summary>Job ids kept per tenant: the oldest go first.</summary>
    public const int Capacity = 200;

    public async Task AddAsync(string jobId)
    {
        var ids = state.State.JobIds;
        if (ids.Contains(jobId))
        {
            return;
        }

        ids.Add(jobId);
        if (ids.Count > Capacity)
        {
            ids.RemoveRange(0, ids.Count - Capacity);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ListAsync(int limit) =>
        Task.FromResult<IReadOnlyList<string>>(state.State.JobIds.AsEnumerable().Reverse().Take(limit).ToArray());
}
