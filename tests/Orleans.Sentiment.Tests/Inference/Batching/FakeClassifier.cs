using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Tests.Inference.Batching;

/// <summary>
/// A model whose tokens are the text's words + 2, that records every call, fails any call holding a poison
/// text, and can hold calls at a gate so tests control when the model is busy.
/// </summary>
internal sealed class FakeClassifier : ITextClassifier
{
    private readonly object _lock = new();
    private readonly List<string[]> _calls = [];
    private readonly SemaphoreSlim _gate = new(0, int.MaxValue);
    private bool _gated;

    public string Name => "fake";

    public IReadOnlyList<string> Labels { get; } = ["negative", "positive"];

    public string? Poison { get; init; }

    /// <summary>Signalled each time a call has started (and is held at the gate, when gated).</summary>
    public SemaphoreSlim Started { get; } = new(0, int.MaxValue);

    public IReadOnlyList<string[]> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>From now on each call waits for <see cref="Release"/>.</summary>
    public void Hold() => _gated = true;

    public void Release(int calls = 1) => _gate.Release(calls);

    public void Open()
    {
        _gated = false;
        _gate.Release(1000);
    }

    public int CountTokens(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length + 2;

    public IReadOnlyList<Prediction> Classify(IReadOnlyList<string> texts)
    {
        lock (_lock)
        {
            _calls.Add([.. texts]);
        }

        Started.Release();
        if (_gated)
        {
            _gate.Wait(TimeSpan.FromSeconds(30));
        }

        if (Poison is not null && texts.Contains(Poison))
        {
            throw new InvalidOperationException("the model failed");
        }

        return [.. texts.Select(t => new Prediction(t.Length % 2 == 0 ? "negative" : "positive", 1f, new Dictionary<string, float>(), [t.Length], CountTokens(t)))];
    }

    public void Dispose()
    {
    }
}
