using System.Threading.Channels;

namespace Orleans.Sentiment.Inference;

/// <summary>
/// Gathers texts from concurrent callers into larger model batches: a request waits only while the model is
/// busy with the previous batch, so one caller sees no added latency and many callers share each batch.
/// </summary>
public sealed class BatchingClassifier : IAsyncDisposable
{
    private readonly ClassifierSet _models;
    private readonly int _maxBatchTexts;
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Task[] _workers;

    /// <param name="models">Models to run.</param>
    /// <param name="maxBatchTexts">Most texts gathered into one model call.</param>
    /// <param name="workers">Batches run at the same time (one is right for one CPU device).</param>
    public BatchingClassifier(ClassifierSet models, int maxBatchTexts, int workers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchTexts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _models = models;
        _maxBatchTexts = maxBatchTexts;
        _workers = Enumerable.Range(0, workers).Select(_ => Task.Run(RunAsync)).ToArray();
    }

    /// <summary>Observes each model call: number of texts and elapsed time.</summary>
    public event Action<int, TimeSpan>? BatchCompleted;

    public IReadOnlyList<ITextClassifier> Classifiers => _models.Classifiers;

    public Task<IReadOnlyList<IReadOnlyDictionary<string, Prediction>>> ClassifyAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<IReadOnlyDictionary<string, Prediction>>>([]);
        }

        var request = new Request(texts, new TaskCompletionSource<IReadOnlyList<IReadOnlyDictionary<string, Prediction>>>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_requests.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(BatchingClassifier));
        }

        return request.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await Task.WhenAll(_workers).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = _requests.Reader;
        var pending = new List<Request>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            pending.Clear();
            var texts = 0;
            while (texts < _maxBatchTexts && reader.TryRead(out var request))
            {
                pending.Add(request);
                texts += request.Texts.Count;
            }

            if (pending.Count > 0)
            {
                RunBatch(pending, texts);
            }
        }
    }

    private void RunBatch(List<Request> pending, int textCount)
    {
        var texts = new List<string>(textCount);
        foreach (var request in pending)
        {
            texts.AddRange(request.Texts);
        }

        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var results = _models.Classify(texts);
            BatchCompleted?.Invoke(texts.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            var offset = 0;
            foreach (var request in pending)
            {
                request.Completion.TrySetResult(results.Skip(offset).Take(request.Texts.Count).ToArray());
                offset += request.Texts.Count;
            }
        }
        catch (Exception e)
        {
            foreach (var request in pending)
            {
                request.Completion.TrySetException(e);
            }
        }
    }

    private sealed record Request(IReadOnlyList<string> Texts, TaskCompletionSource<IReadOnlyList<IReadOnlyDictionary<string, Prediction>>> Completion);
}
