using System.Collections.Concurrent;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Tests.Inference.Batching;

/// <summary>
/// A model whose tokens are the text's words + 2, that records every call (as texts), fails any call holding a poison
/// text, and can hold calls at a gate so tests control when the model is busy. Its token ids start with the text's
/// number, so a call can be read back as texts.
/// </summary>
internal sealed class FakeClassifier : ITextClassifier
{
    private readonly object _lock = new();
    private readonly List<string[]> _calls = [];
    // Shared by every fake, as a tokenizer is: one fake's encodings can be read by another with the same key.
    private static readonly ConcurrentDictionary<string, int> Numbers = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<int, string> Texts = new();
    private readonly SemaphoreSlim _gate = new(0, int.MaxValue);
    private int _encoded;
    private bool _gated;

    public string Name { get; init; } = "fake";

    public IReadOnlyList<string> Labels { get; } = ["negative", "positive"];

    public string TokenizerKey => "fake";

    public string? Poison { get; init; }

    /// <summary>How many times a text was encoded (once per text queued, whatever the number of models).</summary>
    public int EncodeCount => Volatile.Read(ref _encoded);

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

    public int[] Encode(string text)
    {
        Interlocked.Increment(ref _encoded);
        var number = Numbers.GetOrAdd(text, _ => Numbers.Count + 1);
        Texts[number] = text;
        var ids = new int[text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length + 2];
        ids[0] = number;
        return ids;
    }

    public IReadOnlyList<Prediction> Run(IReadOnlyList<int[]> batch)
    {
        var texts = batch.Select(ids => Texts[ids[0]]).ToArray();
        lock (_lock)
        {
            _calls.Add(texts);
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

        return [.. batch.Select((ids, i) => new Prediction(texts[i].Length % 2 == 0 ? "negative" : "positive", 1f, new Dictionary<string, float>(), [texts[i].Length], ids.Length))];
    }

    public void Dispose()
    {
    }
}
