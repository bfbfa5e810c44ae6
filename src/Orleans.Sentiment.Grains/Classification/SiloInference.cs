using Orleans.Sentiment.Grains.Languages;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Adapters;

namespace Orleans.Sentiment.Grains.Classification;

/// <summary>
/// The silo's one inference service: its models behind the batching queue (one ONNX Runtime session per model per
/// silo, whatever the number of classifier activations). Models load in a hosted service after the silo has started
/// (readiness waits for them); a call that arrives earlier waits up to <see cref="WaitLimit"/> and then fails with a
/// message saying so, and a load that failed fails every call with its reason. On silos that load models on demand
/// (role <c>ingest</c>) the first call starts the load. Tenant models are served when the silo has a model source
/// (the cluster's registry) and an encoder locator: one shared encoder per base model, opened on first use.
/// Each text's language is identified first, and a model only labels the texts in languages it reads (<see cref="LanguageRouting"/>).
/// </summary>
public sealed class SiloInference(SentimentMetrics metrics, IAdapterModelSource? adapterSource = null, IAdapterEncoderLocator? encoderLocator = null, LanguageGate? languages = null) : IAsyncDisposable
{
    private TenantAdapterModels? _tenantModels;

    private readonly TaskCompletionSource<(ClassifierSet Models, BatchingClassifier Queue)> _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action? _loadOnDemand;
    private int _demanded;

    public TimeSpan WaitLimit { get; init; } = TimeSpan.FromMinutes(2);

    public bool IsLoaded => _loaded.Task.IsCompletedSuccessfully;

    public bool IsFailed => _loaded.Task.IsFaulted;

    /// <summary>Why the load failed, or null.</summary>
    public string? FailureReason => _loaded.Task.Exception?.InnerException?.Message;

    /// <summary>A service whose models are already there (tests, tools).</summary>
    public static SiloInference Loaded(ClassifierSet models, SentimentMetrics metrics, InferenceOptions options, TenantAdapterModels? tenantModels = null)
    {
        var inference = new SiloInference(metrics);
        inference.SetLoaded(models, options, tenantModels);
        return inference;
    }

    /// <summary>
    /// Starts serving <paramref name="models"/> through a batching queue run as <paramref name="options"/> say, and the
    /// tenant models of <paramref name="tenantModels"/> (or, when null, of the silo's model source, if it has one), once
    /// the language models of the Latin-script candidates are loaded (a few seconds of one core).
    /// </summary>
    public void SetLoaded(ClassifierSet models, InferenceOptions options, TenantAdapterModels? tenantModels = null)
    {
        _tenantModels = tenantModels ?? OpenTenantModels(options);
        if (_tenantModels is { } tenant)
        {
            tenant.AdapterUsed += metrics.AdapterUsed;
            tenant.AdapterEvicted += metrics.AdapterEvicted;
            metrics.ObserveLoadedAdapters(() => tenant.LoadedAdapters);
        }

        var queue = new BatchingClassifier(models, options);
        queue.BatchCompleted += metrics.InferenceBatch;
        queue.BatchCompleted += new ModelCallSpans(models.Classifiers.Select(c => c.Name)).Record;
        metrics.ObserveInferenceQueue(() => queue.QueueDepth);
        // The language models belong to the load: readiness then means the first comments wait for nothing, and the
        // silo's memory is what it will stay at rather than growing by several hundred MB with the first comment.
        languages?.WarmUp();
        _loaded.TrySetResult((models, queue));
    }

    public void SetFailed(Exception reason) => _loaded.TrySetException(reason);

    /// <summary>Defers the load until the first caller asks (ingest silos).</summary>
    public void LoadOnDemand(Action startLoading) => _loadOnDemand = startLoading;

    /// <summary>
    /// One outcome per text from every configured model, with the texts queued in <paramref name="lane"/> (the caller's
    /// tenant); see <see cref="BatchingClassifier.ClassifyAsync"/>. With <paramref name="anyLanguage"/>, every model
    /// labels every text whatever its language.
    /// </summary>
    public async Task<IReadOnlyList<TextClassification>> ClassifyAsync(IReadOnlyList<string> texts, string lane, bool anyLanguage = false, CancellationToken cancellationToken = default)
    {
        using var span = PipelineSpans.StartClassify(lane, texts.Count);
        try
        {
            var (models, queue) = await WaitForModelsAsync(cancellationToken);
            span?.SetTag(SentimentTracing.ModelsTag, models.Classifiers.Select(c => c.Name).ToArray());
            return await ClassifyInLanguagesAsync(texts, lane, models, queue, null, [], anyLanguage, cancellationToken);
        }
        catch (Exception e)
        {
            PipelineSpans.MarkFailed(span, e);
            throw;
        }
    }

    /// <summary>
    /// One outcome per text from the models <paramref name="models"/> names (see <see cref="ModelNames"/>), with the texts
    /// queued in <paramref name="tenant"/>'s lane. A tenant model that cannot serve (no active version) fails every text
    /// with a reason naming it.
    /// </summary>
    public async Task<IReadOnlyList<TextClassification>> ClassifyWithAsync(string tenant, IReadOnlyList<string> texts, IReadOnlyList<string> models, bool anyLanguage = false, CancellationToken cancellationToken = default)
    {
        using var span = PipelineSpans.StartClassify(tenant, texts.Count);
        try
        {
            var (configured, queue) = await WaitForModelsAsync(cancellationToken);
            var (indexes, tenantModels) = ModelNames.Split(tenant, models, configured);
            span?.SetTag(SentimentTracing.ModelsTag, indexes.Select(i => configured.Classifiers[i].Name).Concat(tenantModels.Count > 0 ? ["tenant"] : []).ToArray());
            IReadOnlyList<TenantModelRun> runs = [];
            if (tenantModels.Count > 0)
            {
                try
                {
                    runs = await (_tenantModels ?? throw new TenantModelUnavailableException(
                        $"Tenant model '{tenantModels[0]}' cannot be served: this silo has no tenant model registry.")).ResolveAsync(tenantModels, cancellationToken);
                }
                catch (TenantModelUnavailableException e)
                {
                    return [.. texts.Select(_ => TextClassification.Failed(e.Message))];
                }
            }

            return await ClassifyInLanguagesAsync(texts, tenant, configured, queue, indexes, runs, anyLanguage, cancellationToken);
        }
        catch (Exception e)
        {
            PipelineSpans.MarkFailed(span, e);
            throw;
        }
    }

    /// <summary>
    /// Each text's sentence embedding (mean-pooled, not normalised) from the bare base encoder <paramref name="baseModel"/>,
    /// shared with the tenant models built on it and opened on first use: one row per text in the same batching queue, in
    /// <paramref name="lane"/>'s share, so embedding for themes waits its turn like any classification.
    /// </summary>
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, string lane, string baseModel, CancellationToken cancellationToken = default)
    {
        var (_, queue) = await WaitForModelsAsync(cancellationToken);
        var encoders = _tenantModels ?? throw new InvalidOperationException("This silo has no shared encoders (no tenant model registry), so it cannot embed texts.");
        var encoder = await encoders.EncoderAsync(baseModel, cancellationToken);
        var run = new TenantModelRun(TenantAdapter.BareEncoderName, encoder, TenantAdapter.BareEncoder(baseModel));
        var outcomes = await queue.ClassifyAsync(texts, lane, new ModelSelection([], [run]), cancellationToken);
        return [.. outcomes.Select((o, i) => o.Predictions?[TenantAdapter.BareEncoderName].Embedding
            ?? throw new InvalidOperationException($"The sentence encoder failed on text [{i}]: {o.Failure}"))];
    }

    /// <summary>
    /// Queues the texts for the configured models at <paramref name="indexes"/> (null: all, as the queue runs them without
    /// a selection) and the tenant models <paramref name="runs"/>, each text only for the models that read its language
    /// when languages are identified (<see cref="LanguageRouting"/>).
    /// </summary>
    private async Task<IReadOnlyList<TextClassification>> ClassifyInLanguagesAsync(
        IReadOnlyList<string> texts,
        string lane,
        ClassifierSet configured,
        BatchingClassifier queue,
        IReadOnlyList<int>? indexes,
        IReadOnlyList<TenantModelRun> runs,
        bool anyLanguage,
        CancellationToken cancellationToken)
    {
        var chosen = indexes ?? [.. Enumerable.Range(0, configured.Classifiers.Count)];
        Task<IReadOnlyList<TextClassification>> QueueAsync(IReadOnlyList<string> group, IReadOnlySet<int> skipped) => indexes is null && skipped.Count == 0
            ? queue.ClassifyAsync(group, lane, cancellationToken)
            : queue.ClassifyAsync(group, lane, new ModelSelection([.. chosen.Where((_, i) => !skipped.Contains(i))], [.. runs.Where((_, i) => !skipped.Contains(chosen.Count + i))]), cancellationToken);

        if (languages is not { Enabled: true } gate)
        {
            return await QueueAsync(texts, new HashSet<int>());
        }

        var routed = chosen.Select(i => new LanguageRouting.RoutedModel(configured.Classifiers[i].Name, configured.Classifiers[i].Languages))
            .Concat(runs.Select(r => new LanguageRouting.RoutedModel(r.Name, r.Encoder.Languages)))
            .ToArray();
        return await LanguageRouting.ClassifyAsync(texts, await gate.IdentifyAsync(texts), routed, anyLanguage, QueueAsync);
    }

    public async ValueTask DisposeAsync()
    {
        if (_loaded.Task.IsCompletedSuccessfully)
        {
            var (models, queue) = _loaded.Task.Result;
            await queue.DisposeAsync();
            models.Dispose();
            _tenantModels?.Dispose();
        }
    }

    private TenantAdapterModels? OpenTenantModels(InferenceOptions options) => adapterSource is null || encoderLocator is null ? null : new TenantAdapterModels(
        adapterSource,
        async (baseModel, cancellationToken) => AdapterEncoderSession.Load(
            await encoderLocator.LocateAsync(baseModel, cancellationToken), options.ToSession(variant: null), options.MaxLoadedAdapters));

    private async Task<(ClassifierSet Models, BatchingClassifier Queue)> WaitForModelsAsync(CancellationToken cancellationToken)
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
}
