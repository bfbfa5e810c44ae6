using Orleans.Sentiment.Grains.Classification;

namespace Orleans.Sentiment.Grains.Hosting;

/// <summary>
/// The silo's <see cref="InferenceHost"/> once its models are loaded. Models load in a hosted service after the
/// silo has started (readiness waits for them); a classifier call that arrives earlier waits up to
/// <see cref="WaitLimit"/> and then fails with a message saying so, and a load that failed fails every call
/// with its reason. On silos that load models on demand (role <c>ingest</c>) the first call starts the load.
/// </summary>
public sealed class InferenceHostSource : IAsyncDisposable
{
    private readonly TaskCompletionSource<InferenceHost> _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action? _loadOnDemand;
    private int _demanded;

    public InferenceHostSource(TimeSpan? waitLimit = null) => WaitLimit = waitLimit ?? TimeSpan.FromMinutes(2);

    public TimeSpan WaitLimit { get; }

    public bool IsLoaded => _loaded.Task.IsCompletedSuccessfully;

    public bool IsFailed => _loaded.Task.IsFaulted;

    /// <summary>Why the load failed, or null.</summary>
    public string? FailureReason => _loaded.Task.Exception?.InnerException?.Message;

    /// <summary>A source whose host is already there (tests, tools).</summary>
    public static InferenceHostSource Loaded(InferenceHost host)
    {
        var source = new InferenceHostSource();
        source.SetLoaded(host);
        return source;
    }

    public void SetLoaded(InferenceHost host) => _loaded.TrySetResult(host);

    public void SetFailed(Exception reason) => _loaded.TrySetException(reason);

    /// <summary>Defers the load until the first caller asks (ingest silos).</summary>
    public void LoadOnDemand(Action startLoading) => _loadOnDemand = startLoading;

    public async Task<InferenceHost> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded.Task.IsCompleted)
        {
            return await _loaded.Task;
        }

        if (_loadOnDemand is { } load && Interlocked.Exchange(ref _demanded, 1) == 0)
        {
            load();
        }

        try
        {
            return await _loaded.Task.WaitAsync(WaitLimit, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The models are still loading on this silo (waited {WaitLimit.TotalSeconds:0} s); retry once /health/ready answers 200.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_loaded.Task.IsCompletedSuccessfully)
        {
            await _loaded.Task.Result.DisposeAsync();
        }
    }
}
