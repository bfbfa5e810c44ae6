using System.Collections.Concurrent;

namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>
/// The tenant models a process serves: each name is resolved to its active version on every call (the source caches, so
/// a newly activated version serves within its cache time), versions are loaded on first use and decoded for the shared
/// encoder of their base model (one session per base model, opened on first use), and kept in that encoder's bank until
/// evicted. Concurrent first uses of one version load it once.
/// </summary>
public sealed class TenantAdapterModels(IAdapterModelSource source, Func<string, CancellationToken, Task<AdapterEncoderSession>> openEncoder) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<AdapterEncoderSession>>> _encoders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<TenantAdapter>>> _loading = new(StringComparer.Ordinal);

    /// <summary>Observes a bank slot hit (true) or a load into a slot (false), in any base model's bank.</summary>
    public event Action<bool>? AdapterUsed;

    /// <summary>Observes an adapter evicted from a bank.</summary>
    public event Action? AdapterEvicted;

    /// <summary>Adapters held in the banks now.</summary>
    public int LoadedAdapters => _encoders.Values.Where(e => e.Value.IsCompletedSuccessfully).Sum(e => e.Value.Result.Bank.Loaded);

    /// <summary>Resolves every name to the run of its active version; throws <see cref="TenantModelUnavailableException"/> naming the first that cannot serve.</summary>
    public async Task<IReadOnlyList<TenantModelRun>> ResolveAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var runs = new TenantModelRun[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            runs[i] = await ResolveAsync(names[i], cancellationToken).ConfigureAwait(false);
        }

        return runs;
    }

    public void Dispose()
    {
        foreach (var encoder in _encoders.Values.Where(e => e.IsValueCreated && e.Value.IsCompletedSuccessfully))
        {
            encoder.Value.Result.Dispose();
        }
    }

    private async Task<TenantModelRun> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        var version = await source.FindActiveAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new TenantModelUnavailableException($"Tenant model '{name}' has no active version.");
        AdapterEncoderSession encoder;
        try
        {
            encoder = await EncoderAsync(version.BaseModel, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new TenantModelUnavailableException($"Tenant model '{name}': its base model '{version.BaseModel}' cannot be served: {e.Message}", e);
        }

        var key = TenantAdapter.KeyOf(version);
        var adapter = encoder.Bank.Find(key) ?? await LoadAsync(key, version, encoder, cancellationToken).ConfigureAwait(false);
        return new TenantModelRun(name, encoder, adapter);
    }

    private async Task<TenantAdapter> LoadAsync(string key, AdapterModelVersion version, AdapterEncoderSession encoder, CancellationToken cancellationToken)
    {
        var loading = _loading.GetOrAdd(key, _ => new Lazy<Task<TenantAdapter>>(async () =>
        {
            var artifact = await source.LoadAsync(version, CancellationToken.None).ConfigureAwait(false);
            var adapter = DecodeOrExplain(version, artifact, encoder);
            // Placed in a slot now, so the next call finds it there; a batch that finds it evicted writes it again.
            encoder.Bank.Acquire([adapter]).Dispose();
            return adapter;
        }));
        try
        {
            return await loading.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (loading.Value.IsCompleted)
            {
                _loading.TryRemove(KeyValuePair.Create(key, loading));
            }
        }
    }

    private static TenantAdapter DecodeOrExplain(AdapterModelVersion version, AdapterArtifact artifact, AdapterEncoderSession encoder)
    {
        try
        {
            return TenantAdapter.Decode(version, artifact, encoder.Family, encoder.Bank.Modules, encoder.Bank.Rank);
        }
        catch (InvalidDataException e)
        {
            throw new TenantModelUnavailableException($"Tenant model '{version.Name}' version {version.VersionId} cannot be served: {e.Message}", e);
        }
    }

    /// <summary>The shared encoder of <paramref name="baseModel"/>, opened on first use (also what themes embed texts with).</summary>
    public Task<AdapterEncoderSession> EncoderAsync(string baseModel, CancellationToken cancellationToken)
    {
        var lazy = _encoders.GetOrAdd(baseModel, b => new Lazy<Task<AdapterEncoderSession>>(async () =>
        {
            var encoder = await openEncoder(b, CancellationToken.None).ConfigureAwait(false);
            encoder.Bank.Used += hit => AdapterUsed?.Invoke(hit);
            encoder.Bank.Evicted += () => AdapterEvicted?.Invoke();
            return encoder;
        }));
        var task = lazy.Value;
        if (task.IsFaulted)
        {
            // A failed open is retried by the next call rather than remembered forever.
            _encoders.TryRemove(KeyValuePair.Create(baseModel, lazy));
        }

        return task.WaitAsync(cancellationToken);
    }
}
