using Orleans.Runtime;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Auth;

/// <summary>The cluster's API keys (hashes only), persisted in the pipeline's grain storage.</summary>
public sealed class ApiKeyRegistryGrain(
    [PersistentState("apikeys", Constants.StorageName)] IPersistentState<ApiKeyRegistryState> state) : Grain, IApiKeyRegistryGrain
{
    public async Task<bool> AddAsync(ApiKeyRecord record)
    {
        if (state.State.Keys.Count(k => k.Tenant == record.Tenant) >= ApiKeyRecord.MaxPerTenant)
        {
            return false;
        }

        state.State.Keys.Add(record);
        state.State.Version++;
        await state.WriteStateAsync();
        return true;
    }

    public async Task<bool> RemoveAsync(string tenant, string id)
    {
        if (state.State.Keys.RemoveAll(k => k.Tenant == tenant && k.Id == id) == 0)
        {
            return false;
        }

        state.State.Version++;
        await state.WriteStateAsync();
        return true;
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string tenant) =>
        Task.FromResult<IReadOnlyList<ApiKeyRecord>>(state.State.Keys.Where(k => k.Tenant == tenant).OrderBy(k => k.CreatedAt).ToArray());

    public Task<ApiKeySnapshot?> GetSnapshotAsync(long knownVersion) =>
        Task.FromResult(knownVersion == state.State.Version ? null : new ApiKeySnapshot(state.State.Version, state.State.Keys.ToArray()));
}

[GenerateSerializer, Alias("sentiment.ApiKeyRegistryState")]
public sealed class ApiKeyRegistryState
{
    /// <summary>Bumped on every change, so silos fetch the key list only when it changed.</summary>
    [Id(0)]
    public long Version { get; set; }

    [Id(1)]
    public List<ApiKeyRecord> Keys { get; set; } = [];
}
