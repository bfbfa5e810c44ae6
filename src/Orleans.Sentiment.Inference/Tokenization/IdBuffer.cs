using System.Buffers;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>A growable list of ids on a pooled array, so encoding allocates only its result.</summary>
internal struct IdBuffer(int capacity) : IDisposable
{
    private int[] _items = ArrayPool<int>.Shared.Rent(Math.Max(capacity, 16));

    public int Count { get; set; }

    public readonly ReadOnlySpan<int> Span => _items.AsSpan(0, Count);

    public void Add(int id)
    {
        if (Count == _items.Length)
        {
            var larger = ArrayPool<int>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<int>.Shared.Return(_items);
            _items = larger;
        }

        _items[Count++] = id;
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_items);
        _items = [];
    }
}
