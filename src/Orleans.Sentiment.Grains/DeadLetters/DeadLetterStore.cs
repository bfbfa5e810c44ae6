using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.DeadLetters;

/// <summary>Dead letters oldest first, bounded in bytes of text, with the (source, id) pairs held for deduplication.</summary>
[GenerateSerializer, Alias("sentiment.DeadLetterStore")]
public sealed class DeadLetterStore
{
    [Id(0)]
    private readonly Queue<DeadLetter> _letters = new();

    [Id(1)]
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    [Id(2)]
    private long _bytes;

    /// <summary>Dead letters ever stored (evicted ones included).</summary>
    [Id(3)]
    public long Total { get; private set; }

    public int Count => _letters.Count;

    /// <returns>How many were new.</returns>
    public int Add(IEnumerable<DeadLetter> letters, long maxBytes)
    {
        var added = 0;
        foreach (var letter in letters)
        {
            if (!_keys.Add(Key(letter)))
            {
                continue;
            }

            _letters.Enqueue(letter);
            _bytes += Size(letter);
            Total++;
            added++;
        }

        while (_bytes > maxBytes && _letters.TryDequeue(out var oldest))
        {
            _keys.Remove(Key(oldest));
            _bytes -= Size(oldest);
        }

        return added;
    }

    public IReadOnlyList<DeadLetter> Newest(int limit) => _letters.Reverse().Take(Math.Max(0, limit)).ToArray();

    private static string Key(DeadLetter letter) => $"{letter.Source}/{letter.Id}";

    private static long Size(DeadLetter letter) => 2L * (letter.Text.Length + letter.Id.Length + letter.Reason.Length + letter.Source.Length) + 64;
}
