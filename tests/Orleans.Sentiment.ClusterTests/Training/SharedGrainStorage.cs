using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Sentiment.ClusterTests.Training;

/// <summary>
/// Grain storage shared by every silo of the test process, standing for Redis: unlike Orleans' memory storage, whose
/// partitions live in grains on the silos, it keeps the state of a grain whose silo is killed. States are kept
/// serialized, so silos never share objects, and keyed by the cluster's service id, so clusters never share state.
/// </summary>
internal sealed class SharedGrainStorage(Serializer serializer, IOptions<ClusterOptions> cluster) : IGrainStorage
{
    // Test clusters run side by side in the process: each has its own service id.
    private readonly string _service = cluster.Value.ServiceId;

    private static readonly ConcurrentDictionary<string, (byte[] State, string ETag)> States = new(StringComparer.Ordinal);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (States.TryGetValue(Key(stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.State);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = Guid.NewGuid().ToString("N");
        States[Key(stateName, grainId)] = (serializer.SerializeToArray(grainState.State), etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        States.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string Key(string stateName, GrainId grainId) => $"{_service}|{stateName}|{grainId}";
}
