namespace Orleans.Sentiment.Grains.Sources;

/// <summary>The most recent comment ids of a source, bounded, so redelivered comments are recognised.</summary>
[GenerateSerializer, Alias("sentiment.RecentIds")]
public sealed class RecentIds
{
    [Id(0)]
    private readonly Queue<string> _order = new();

    [Id(1)]
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public bool Contains(string id) => _ids.Contains(id);

    public void Add(string id, int capacity)
    {
        if (!_ids.Add(id))
        {
            return;
        }

        _order.Enqueue(id);
        while (_order.Count > capacity)
        {
            _ids.Remove(_order.Dequeue());
        }
    }
}
