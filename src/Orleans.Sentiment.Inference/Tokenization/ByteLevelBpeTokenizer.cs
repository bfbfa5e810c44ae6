namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// RoBERTa/GPT-2 byte-level BPE exactly as Hugging Face <c>tokenizers</c> runs it: added tokens matched on the raw
/// text, an optional prefix space per text piece, the GPT-2 split, UTF-8 bytes merged by rank, then the
/// post-processor's special tokens (<c>&lt;s&gt; … &lt;/s&gt;</c> for RoBERTa).
/// </summary>
public sealed class ByteLevelBpeTokenizer : ITextTokenizer
{
    private readonly BytePairModel _model;
    private readonly AddedTokenSplitter _splitter;
    private readonly AddedTokenSplitter _normalizedSplitter;
    private readonly SpecialTokenTemplate _template;
    private readonly bool _addPrefixSpace;
    private readonly bool _useRegex;

    public ByteLevelBpeTokenizer(ByteLevelBpeTokenizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int? unknownId = options.UnknownToken is { } unk && options.Vocabulary.TryGetValue(unk, out var id) ? id : null;
        _model = new BytePairModel(options.Vocabulary, options.Merges, unknownId, options.IgnoreMerges, options.Source);
        // Hugging Face matches raw-text tokens first, then normalized ones in what is left (no normalizer here).
        _splitter = new AddedTokenSplitter(options.AddedTokens.Where(t => !t.Normalized));
        _normalizedSplitter = new AddedTokenSplitter(options.AddedTokens.Where(t => t.Normalized));
        _template = options.Template;
        _addPrefixSpace = options.AddPrefixSpace;
        _useRegex = options.UseRegex;
        PadTokenId = options.PadTokenId;
        ModelMaxLength = options.ModelMaxLength;
    }

    public int PadTokenId { get; }

    public int ModelMaxLength { get; }

    public int[] Encode(string text, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new IdBuffer(text.Length / 3);
        try
        {
            _splitter.AppendIds(text, ref ids, this, static (self, piece, ref buffer) => self.AppendText(piece, ref buffer));
            return _template.Apply(ids.Span, maxLength);
        }
        finally
        {
            ids.Dispose();
        }
    }

    private void AppendText(ReadOnlySpan<char> text, ref IdBuffer ids) =>
        _normalizedSplitter.AppendIds(text, ref ids, this, static (self, piece, ref buffer) => self.AppendPiece(piece, ref buffer));

    /// <summary>One piece of text between added tokens: the optional prefix space, then the GPT-2 split and BPE.</summary>
    private void AppendPiece(ReadOnlySpan<char> piece, ref IdBuffer ids)
    {
        if (piece.IsEmpty)
        {
            return;
        }

        if (_addPrefixSpace && piece[0] != ' ')
        {
            piece = string.Concat(" ", piece).AsSpan();
        }

        AppendPieces(piece, ref ids);
    }

    private void AppendPieces(ReadOnlySpan<char> text, ref IdBuffer ids)
    {
        if (!_useRegex)
        {
            _model.Append(text, ref ids);
            return;
        }

        var splitter = new ByteLevelPreTokenizer(text);
        while (splitter.MoveNext(out var start, out var length))
        {
            _model.Append(text.Slice(start, length), ref ids);
        }
    }
}
