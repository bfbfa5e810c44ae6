namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// The special tokens a post-processor puts around a single sequence (<c>[CLS] … [SEP]</c>, <c>&lt;s&gt; … &lt;/s&gt;</c>),
/// and Hugging Face's truncation of a single text: the content is cut so that both ends still fit.
/// </summary>
public sealed record SpecialTokenTemplate(int[] Prefix, int[] Suffix)
{
    public static SpecialTokenTemplate None { get; } = new([], []);

    public int Count => Prefix.Length + Suffix.Length;

    public int[] Apply(ReadOnlySpan<int> content, int? maxLength)
    {
        var keep = content.Length;
        if (maxLength is { } limit)
        {
            if (limit < Count)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(maxLength), limit, $"maxLength must leave room for the {Count} special tokens this tokenizer adds.");
            }

            keep = Math.Min(keep, limit - Count);
        }

        var ids = new int[Prefix.Length + keep + Suffix.Length];
        Prefix.CopyTo(ids, 0);
        content[..keep].CopyTo(ids.AsSpan(Prefix.Length));
        Suffix.CopyTo(ids, Prefix.Length + keep);
        return ids;
    }
}
