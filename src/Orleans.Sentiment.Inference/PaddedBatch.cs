namespace Orleans.Sentiment.Inference;

/// <summary>Token ids of several texts, padded to the longest of them (dynamic padding), with the attention mask.</summary>
public sealed record PaddedBatch(long[] InputIds, long[] AttentionMask, int SequenceLength)
{
    public static PaddedBatch Create(IReadOnlyList<int[]> sequences, int padId)
    {
        var length = sequences.Count == 0 ? 0 : sequences.Max(s => s.Length);
        var ids = new long[sequences.Count * length];
        var mask = new long[ids.Length];
        for (var row = 0; row < sequences.Count; row++)
        {
            var offset = row * length;
            var sequence = sequences[row];
            for (var i = 0; i < length; i++)
            {
                var real = i < sequence.Length;
                ids[offset + i] = real ? sequence[i] : padId;
                mask[offset + i] = real ? 1 : 0;
            }
        }

        return new PaddedBatch(ids, mask, length);
    }
}
