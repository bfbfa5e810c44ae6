using System.IO.Hashing;
using System.Text;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// The most recent comment ids of a source, bounded, so redelivered comments are recognised. Ids are kept as 64-bit
/// hashes: eight bytes each whatever the id's length (a false match among 10,000 ids has odds near 1 in 10^11).
/// </summary>
[GenerateSerializer, Alias("sentiment.RecentIds")]
public sealed class RecentIds
{
    [Id(0)]
    private readonly Queue<ulong> _order = new();

    [Id(1)]
    private readonly HashSet<ulong> _ids = [];

    public int Count => _order.Count;

    public bool Contains(string id) => _ids.Contains(Hash(id));

    public void Add(string id, int capacity)
    {
        var hash = Hash(id);
        if (!_ids.Add(hash))
        {
            return;
        }

        _order.Enqueue(hash);
        while (_order.Count > capacity)
        {
            _ids.Remove(_order.Dequeue());
        }
    }

    private static ulong Hash(string id) => XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(id));
}
