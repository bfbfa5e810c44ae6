namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// SentencePiece Unigram (XLM-R, mDeBERTa-v3, T5, ALBERT) exactly as Hugging Face <c>tokenizers</c> runs a
/// tokenizer.json: raw added tokens matched first, each piece between them normalized (Precompiled charsmap, …),
/// normalized added tokens matched, Metaspace (▁) words, Viterbi over the pieces' scores, then the
/// post-processor's special tokens (<c>&lt;s&gt; … &lt;/s&gt;</c> for XLM-R).
/// </summary>
internal sealed class UnigramTokenizer : ITextTokenizer
{
    private readonly UnigramModel _model;
    private readonly ITextNormalizer? _normalizer;
    private readonly MetaspacePreTokenizer _preTokenizer;
    private readonly AddedTokenSplitter _splitter;
    private readonly AddedTokenSplitter _normalizedSplitter;
    private readonly SpecialTokenTemplate _template;

    public UnigramTokenizer(UnigramTokenizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _model = new UnigramModel(options.Vocabulary, options.UnknownId, options.ByteFallback);
        _normalizer = options.Normalizer;
        _preTokenizer = options.PreTokenizer;
        _splitter = new AddedTokenSplitter(options.AddedTokens.Where(t => !t.Normalized));
        // Hugging Face matches a normalized added token by its normalized content.
        _normalizedSplitter = new AddedTokenSplitter(options.AddedTokens.Where(t => t.Normalized).Select(t => t with { Content = Normalize(t.Content) }));
        _template = options.Template;
        PadTokenId = options.PadTokenId;
        ModelMaxLength = options.ModelMaxLength;
    }

    public int PadTokenId { get; }

    public int ModelMaxLength { get; }

    public int[] Encode(string text, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = WellFormed(text);
        var ids = new IdBuffer(text.Length / 2);
        var segments = new List<TextSegment>();
        try
        {
            _splitter.Split(text, segments);
            foreach (var segment in segments)
            {
                if (segment.IsAddedToken)
                {
                    ids.Add(segment.TokenId);
                }
                else
                {
                    AppendRaw(text.Substring(segment.Start, segment.Length), segment.Start == 0, ref ids);
                }
            }

            return _template.Apply(ids.Span, maxLength);
        }
        finally
        {
            ids.Dispose();
        }
    }

    private void AppendRaw(string piece, bool startsAtOrigin, ref IdBuffer ids)
    {
        var normalized = _normalizer is null ? piece : _normalizer.Normalize(piece, ref startsAtOrigin);
        if (!_normalizedSplitter.MayMatch(normalized))
        {
            _preTokenizer.AppendWords(normalized, startsAtOrigin, ref ids, _model, static (model, word, ref buffer) => model.Append(word, ref buffer));
            return;
        }

        var segments = new List<TextSegment>();
        _normalizedSplitter.Split(normalized, segments);
        foreach (var segment in segments)
        {
            if (segment.IsAddedToken)
            {
                ids.Add(segment.TokenId);
            }
            else
            {
                _preTokenizer.AppendWords(
                    normalized.Substring(segment.Start, segment.Length), startsAtOrigin && segment.Start == 0, ref ids, _model,
                    static (model, word, ref buffer) => model.Append(word, ref buffer));
            }
        }
    }

    private string Normalize(string text)
    {
        var startsAtOrigin = true;
        return _normalizer is null ? text : _normalizer.Normalize(WellFormed(text), ref startsAtOrigin);
    }

    /// <summary>Unpaired surrogates become U+FFFD, as they do when .NET or JavaScript text reaches the Rust library.</summary>
    private static string WellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]) && Scalars.At(text, i, out _) == 0xFFFD)
            {
                return string.Create(text.Length, text, static (output, source) =>
                {
                    for (var j = 0; j < source.Length;)
                    {
                        var scalar = Scalars.At(source, j, out var w);
                        if (scalar == 0xFFFD && w == 1 && char.IsSurrogate(source[j]))
                        {
                            output[j] = '\uFFFD';
                        }
                        else
                        {
                            source.AsSpan(j, w).CopyTo(output[j..]);
                        }

                        j += w;
                    }
                });
            }
            else if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return text;
    }
}
