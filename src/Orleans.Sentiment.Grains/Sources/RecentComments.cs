using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>A source's most recent classified comments, newest first, bounded both in count and in bytes of text.</summary>
[GenerateSerializer, Alias("sentiment.RecentComments")]
public sealed class RecentComments
{
    [Id(0)]
    private readonly List<ClassifiedComment> _items = [];

    [Id(1)]
    private long _bytes;

    public int Count => _items.Count;

    public long Bytes => _bytes;

    public void Add(ClassifiedComment comment, int maxCount, long maxBytes)
    {
        _items.Insert(0, comment);
        _bytes += Size(comment);
        while (_items.Count > 1 && (_items.Count > maxCount || _bytes > maxBytes))
        {
            _bytes -= Size(_items[^1]);
            _items.RemoveAt(_items.Count - 1);
        }
    }

    public IReadOnlyList<ClassifiedComment> Take(int limit) => _items.Take(Math.Max(0, limit)).ToArray();

    public ClassifiedComment? Find(string id) => _items.FirstOrDefault(c => c.Id == id);

    /// <summary>Text and id in UTF-16 plus a fixed allowance for the predictions.</summary>
    private static long Size(ClassifiedComment comment) => 2L * (comment.Text.Length + comment.Id.Length) + 256;
}
