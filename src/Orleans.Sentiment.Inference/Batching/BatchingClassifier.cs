using System.Diagnostics;

namespace Orleans.Sentiment.Inference;

/// <summary>
/// The per-process inference service: gathers texts from concurrent callers into model calls that group
/// texts of similar length (little padding) under a text count, a padded-token budget and a padding cap. Each caller
/// names its tenant's lane, and lanes share the model fairly by tokens (<see cref="FairTextQueue"/>); within a lane the
/// shortest texts go first, and a text that waited a fifth of <see cref="InferenceOptions.CallTimeout"/> next. An idle worker
/// lingers briefly for more texts, so light load keeps low latency and heavy load fills each call.
/// A model call that fails is retried text by text, so one bad text fails alone. The queue is bounded, and a
/// caller that gives up (cancellation or <see cref="InferenceOptions.CallTimeout"/>) takes its queued texts
/// with it.
/// </summary>
public sealed class BatchingClassifier : IAsyncDisposable
{
    private const int MaxFailureLength = 300;
    private readonly ClassifierSet _models;
    private readonly InferenceOptions _options;
    private readonly int _maxBatchTexts;
    private readonly int _maxBatchTokens;
    private readonly int _workerCount;
    private readonly object _gate = new();
    private readonly FairTextQueue _queue = new();
    private readonly Thread[] _workers;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _lingerTicks;
    private readonly long _starvationTicks;
    private long _sequence;
    private int _running;
    private bool _disposed;

    public BatchingClassifier(ClassifierSet models, InferenceOptions options)
    {
        options.Validate();
        _models = models;
        _options = options;
        _maxBatchTexts = options.ResolvedMaxBatchTexts;
        _maxBatchTokens = options.ResolvedMaxBatchTokens;
        _workerCount = options.ResolvedWorkers;
        _lingerTicks = (long)(options.Linger.TotalSeconds * Stopwatch.Frequency);
        _starvationTicks = (long)(options.CallTimeout.TotalSeconds / 5 * Stopwatch.Frequency);
        _running = _workerCount;
        _workers = [.. Enumerable.Range(0, _workerCount).Select(i => new Thread(Work) { IsBackground = true, Name = $"inference-{i}" })];
        foreach (var worker in _workers)
        {
            worker.Start();
        }
    }

    /// <summary>Observes each model call.</summary>
    public event Action<InferenceBatchStats>? BatchCompleted;

    public IReadOnlyList<ITextClassifier> Classifiers => _models.Classifiers;

    public InferenceOptions Options => _options;

    /// <summary>Texts waiting for a model call.</summary>
    public int QueueDepth
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>
    /// One outcome per text, in input order, with the texts queued in <paramref name="lane"/> (the caller's tenant).
    /// Throws <see cref="InferenceQueueFullException"/> when the queue, or the lane's share of it, cannot take all
    /// texts (nothing is queued then), <see cref="TimeoutException"/> after <see cref="InferenceOptions.CallTimeout"/>,
    /// <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public Task<IReadOnlyList<TextClassification>> ClassifyAsync(IReadOnlyList<string> texts, string lane = "", CancellationToken cancellationToken = default) =>
        ClassifyAsync(texts, lane, selection: null, cancellationToken);

    /// <summary>As <see cref="ClassifyAsync(IReadOnlyList{string}, string, CancellationToken)"/>, running the models <paramref name="selection"/> names (null: every configured model).</summary>
    public Task<IReadOnlyList<TextClassification>> ClassifyAsync(IReadOnlyList<string> texts, string lane, ModelSelection? selection, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<TextClassification>>([]);
        }

        if (texts.Count > _options.MaxQueuedTextsPerLane)
        {
            throw new ArgumentException($"{texts.Count} texts in one call can never fit one tenant's share of the inference queue ({_options.MaxQueuedTextsPerLane} of Inference:MaxQueuedTexts = {_options.MaxQueuedTexts}); send smaller calls.", nameof(texts));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var call = new PendingCall(texts);
        // Each text is encoded once, here, outside the lock: the queue groups by its length, the models run its ids.
        var encoded = new EncodedText[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            encoded[i] = _models.Encode(texts[i], selection);
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_queue.Count + texts.Count > _options.MaxQueuedTexts)
            {
                throw new InferenceQueueFullException(
                    $"The inference queue holds {_queue.Count} texts; {texts.Count} more would pass Inference:MaxQueuedTexts ({_options.MaxQueuedTexts}). Retry later.");
            }

            if (_queue.CountOf(lane) + texts.Count > _options.MaxQueuedTextsPerLane)
            {
                throw new InferenceQueueFullException(
                    $"This tenant has {_queue.CountOf(lane)} texts queued; {texts.Count} more would pass its share of the inference queue ({_options.MaxQueuedTextsPerLane} of Inference:MaxQueuedTexts = {_options.MaxQueuedTexts}). Retry later.");
            }

            var now = Stopwatch.GetTimestamp();
            call.Items = new PendingText[texts.Count];
            for (var i = 0; i < texts.Count; i++)
            {
                call.Items[i] = new PendingText(call, i, encoded[i], _sequence++, now, lane);
                _queue.Add(call.Items[i]);
            }

            Monitor.PulseAll(_gate);
        }

        return AwaitAsync(call, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
            Monitor.PulseAll(_gate);
        }

        await _stopped.Task.ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<TextClassification>> AwaitAsync(PendingCall call, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.CallTimeout);
        try
        {
            return await call.Completion.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Abandon(call);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException($"Classifying {call.Texts.Count} texts took longer than Inference:CallTimeout ({_options.CallTimeout}); the texts still queued were dropped.");
        }
    }

    /// <summary>Drops the call's texts that no batch has taken yet: timed-out work is not run.</summary>
    private void Abandon(PendingCall call)
    {
        lock (_gate)
        {
            foreach (var item in call.Items)
            {
                _queue.Remove(item);
            }
        }
    }

    private void Work()
    {
        try
        {
            while (NextBatch() is { } batch)
            {
                Run(batch);
            }
        }
        finally
        {
            if (Interlocked.Decrement(ref _running) == 0)
            {
                _stopped.TrySetResult();
            }
        }
    }

    /// <summary>Waits for texts, lingers while the batch could still grow, then takes one; null once disposed and drained.</summary>
    private List<PendingText>? NextBatch()
    {
        lock (_gate)
        {
            while (true)
            {
                if (_queue.Count == 0)
                {
                    if (_disposed)
                    {
                        return null;
                    }

                    Monitor.Wait(_gate);
                    continue;
                }

                var full = _queue.Count >= _maxBatchTexts || _queue.Tokens >= _maxBatchTokens;
                var waited = Stopwatch.GetTimestamp() - _queue.Oldest()!.EnqueuedAt;
                if (!full && !_disposed && waited < _lingerTicks)
                {
                    Monitor.Wait(_gate, TimeSpan.FromSeconds(Math.Max(0.001, (_lingerTicks - waited) / (double)Stopwatch.Frequency)));
                    continue;
                }

                // Least-served tenants first; within a tenant, shortest first cuts its queue into runs of similar
                // length, and a text that waited a fifth of the call timeout is served next with its nearest-length neighbours.
                var batch = new BatchBuilder(FairShare(), _maxBatchTokens, _options.MaxPadding, _options.MinBatchTextsBeforePaddingCut);
                return _queue.TakeBatch(batch, starvedBefore: Stopwatch.GetTimestamp() - _starvationTicks, lightLaneTexts: _options.MinBatchTextsBeforePaddingCut);
            }
        }
    }

    /// <summary>
    /// Most texts this call may take: a full batch while the queue holds work for every worker, else an equal
    /// share of it. Callers wait for their last text, so when the queue runs low (the end of a burst, before the
    /// sources refill it) one worker taking everything leaves the others idle while it runs alone.
    /// </summary>
    private int FairShare() => Math.Clamp((_queue.Count + _workerCount - 1) / _workerCount, 1, _maxBatchTexts);

    private void Run(List<PendingText> batch)
    {
        var live = batch.Where(t => !t.Call.IsCompleted).ToList();
        if (live.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var results = _models.Run([.. live.Select(t => t.Encoded)]);
            Report(live, started);
            for (var i = 0; i < live.Count; i++)
            {
                live[i].Call.Set(live[i].Index, TextClassification.Success(results[i]));
            }
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            FailCalls(live, e);
        }
        catch (Exception) when (live.Count > 1)
        {
            // Find the text at fault: each runs alone, so its neighbours still get their predictions.
            foreach (var text in live)
            {
                RunAlone(text);
            }
        }
        catch (Exception e)
        {
            live[0].Call.Set(live[0].Index, TextClassification.Failed(Describe(e)));
        }
    }

    private void RunAlone(PendingText text)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = _models.Run([text.Encoded])[0];
            Report([text], started);
            text.Call.Set(text.Index, TextClassification.Success(result));
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            FailCalls([text], e);
        }
        catch (Exception e)
        {
            text.Call.Set(text.Index, TextClassification.Failed(Describe(e)));
        }
    }

    private void Report(List<PendingText> texts, long started)
    {
        var real = 0L;
        var width = 0;
        foreach (var text in texts)
        {
            real += text.Tokens;
            width = Math.Max(width, text.Tokens);
        }

        BatchCompleted?.Invoke(new InferenceBatchStats(texts.Count, real, (long)width * texts.Count, Stopwatch.GetElapsedTime(started)) { Callers = CallersOf(texts) });
    }

    private static IReadOnlyList<Activity> CallersOf(List<PendingText> texts)
    {
        List<Activity>? callers = null;
        foreach (var text in texts)
        {
            if (text.Call.Caller is { } caller && !(callers ??= []).Contains(caller))
            {
                callers.Add(caller);
            }
        }

        return callers ?? [];
    }

    /// <summary>
    /// Failures of the service rather than of a text (a model that timed out, was cancelled or disposed): they
    /// fail the whole calls, so callers retry instead of dead-lettering good texts.
    /// </summary>
    private static bool IsUnavailable(Exception e) => e is TimeoutException or OperationCanceledException or ObjectDisposedException;

    private static void FailCalls(IEnumerable<PendingText> texts, Exception e)
    {
        foreach (var call in texts.Select(t => t.Call).Distinct())
        {
            call.Completion.TrySetException(e);
        }
    }

    /// <summary>The failure as callers record it: the exception type and ONNX Runtime's words, never the text.</summary>
    private static string Describe(Exception e)
    {
        var reason = $"{e.GetType().Name}: {e.Message}";
        return reason.Length <= MaxFailureLength ? reason : reason[..MaxFailureLength];
    }
}
