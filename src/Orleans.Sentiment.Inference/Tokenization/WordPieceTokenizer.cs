using System.Buffers;
using System.Runtime.CompilerServices;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// BERT-family WordPiece exactly as Hugging Face <c>tokenizers</c> runs it: added tokens matched on the raw text,
/// BertNormalizer, BertPreTokenizer (split on whitespace, each punctuation character alone), greedy
/// longest-match WordPiece (a word over <c>max_input_chars_per_word</c> characters, or with any piece missing,
/// is one unknown token), then the post-processor's special tokens.
/// </summary>
public sealed class WordPieceTokenizer : ITextTokenizer
{
    private readonly WordPieceVocabulary _vocabulary;
    private readonly BertNormalizer? _normalizer;
    private readonly AddedTokenSplitter _splitter;
    private readonly AddedTokenSplitter _normalizedSplitter;
    private readonly SpecialTokenTemplate _template;
    private readonly int _unknownId;
    private readonly int _maxCharsPerWord;
    private readonly int[] _asciiPunctuationIds = new int[0x80];

    /// <summary>The BERT classes of ASCII characters, read without a call per character.</summary>
    private static readonly CharFlags[] s_asciiFlags = [.. Enumerable.Range(0, 0x80).Select(UnicodeTables.Flags)];

    public WordPieceTokenizer(WordPieceTokenizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _vocabulary = new WordPieceVocabulary(options.Vocabulary, options.ContinuingSubwordPrefix);
        _normalizer = options.Normalizer is null ? null : new BertNormalizer(options.Normalizer);
        _splitter = new AddedTokenSplitter(options.AddedTokens.Where(t => !t.Normalized));
        _normalizedSplitter = new AddedTokenSplitter(options.AddedTokens.Where(t => t.Normalized).Select(NormalizeContent));
        _template = options.Template;
        _maxCharsPerWord = options.MaxInputCharsPerWord;
        _unknownId = options.Vocabulary.TryGetValue(options.UnknownToken, out var unknown)
            ? unknown
            : throw new ModelFolderException($"The WordPiece vocabulary has no unknown token '{options.UnknownToken}'.");
        PadTokenId = options.PadTokenId;
        ModelMaxLength = options.ModelMaxLength;
        for (var c = 0; c < 0x80; c++)
        {
            // A punctuation character is a word of its own: its id (or -1 for the general path) is fixed.
            var text = ((char)c).ToString();
            _asciiPunctuationIds[c] = _vocabulary.Initial.TryGetValue(text, SpanTokenTable.Hash(text), out var id) ? id : -1;
        }
    }

    public int PadTokenId { get; }

    public int ModelMaxLength { get; }

    public int[] Encode(string text, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = _normalizer is null ? ArrayPool<char>.Shared.Rent(text.Length + 16) : BertNormalizer.RentOutput(text.Length);
        var ids = new IdBuffer(text.Length / 3);
        try
        {
            _splitter.AppendIds(text, ref ids, (Tokenizer: this, Buffer: normalized), static (state, piece, ref buffer) => state.Tokenizer.AppendText(piece, state.Buffer, ref buffer));
            return _template.Apply(ids.Span, maxLength);
        }
        finally
        {
            ids.Dispose();
            ArrayPool<char>.Shared.Return(normalized);
        }
    }

    private void AppendText(ReadOnlySpan<char> raw, char[] buffer, ref IdBuffer ids)
    {
        var normalized = raw;
        if (_normalizer is not null)
        {
            normalized = buffer.AsSpan(0, _normalizer.Normalize(raw, buffer));
        }

        _normalizedSplitter.AppendIds(normalized, ref ids, this, static (self, piece, ref buffer) => self.AppendWords(piece, ref buffer));
    }

    /// <summary>A normalized added token is looked for in normalized text, so its content is normalized too.</summary>
    private AddedToken NormalizeContent(AddedToken token)
    {
        if (_normalizer is null)
        {
            return token;
        }

        var buffer = BertNormalizer.RentOutput(token.Content.Length);
        try
        {
            return token with { Content = new string(buffer, 0, _normalizer.Normalize(token.Content, buffer)) };
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>BertPreTokenizer: whitespace separates words and every punctuation character is a word of its own.</summary>
    [SkipLocalsInit]
    private void AppendWords(ReadOnlySpan<char> text, ref IdBuffer ids)
    {
        // Hashes of every prefix of the piece being matched; sized once for the longest token.
        Span<int> prefixHashes = _vocabulary.LongestToken < 256 ? stackalloc int[_vocabulary.LongestToken + 1] : new int[_vocabulary.LongestToken + 1];
        var wordStart = -1;
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            var width = 1;
            CharFlags flags;
            if (c < 0x80)
            {
                flags = s_asciiFlags[c];
            }
            else
            {
                flags = UnicodeTables.Flags(Scalars.At(text, i, out width));
            }

            if ((flags & (CharFlags.BertWhitespace | CharFlags.BertPunctuation)) == 0)
            {
                if (wordStart < 0)
                {
                    wordStart = i;
                }

                i += width;
                continue;
            }

            if (wordStart >= 0)
            {
                AppendPieces(text[wordStart..i], prefixHashes, ref ids);
                wordStart = -1;
            }

            if ((flags & CharFlags.BertPunctuation) != 0)
            {
                if (c < 0x80 && _asciiPunctuationIds[c] >= 0)
                {
                    ids.Add(_asciiPunctuationIds[c]);
                }
                else
                {
                    AppendPieces(text.Slice(i, width), prefixHashes, ref ids);
                }
            }

            i += width;
        }

        if (wordStart >= 0)
        {
            AppendPieces(text[wordStart..], prefixHashes, ref ids);
        }
    }

    /// <summary>Greedy longest-match-first WordPiece over one word, as Hugging Face's WordPiece model.</summary>
    private void AppendPieces(ReadOnlySpan<char> word, Span<int> prefixHashes, ref IdBuffer ids)
    {
        if (word.Length > _maxCharsPerWord && CountScalars(word) > _maxCharsPerWord)
        {
            ids.Add(_unknownId);
            return;
        }

        var firstPiece = ids.Count;
        var start = 0;
        while (start < word.Length)
        {
            var longest = Math.Min(word.Length - start, _vocabulary.LongestToken);
            var hash = SpanTokenTable.InitialHash;
            for (var k = 0; k < longest; k++)
            {
                hash = SpanTokenTable.Extend(hash, word[start + k]);
                prefixHashes[k + 1] = hash;
            }

            var table = start == 0 ? _vocabulary.Initial : _vocabulary.Continuation;
            var end = start + longest;
            var found = false;
            for (; end > start; end--)
            {
                // Never cut between the two halves of a surrogate pair: Rust slices on character boundaries.
                if (end < word.Length && char.IsLowSurrogate(word[end]) && char.IsHighSurrogate(word[end - 1]))
                {
                    continue;
                }

                if (table.TryGetValue(word[start..end], prefixHashes[end - start], out var id))
                {
                    ids.Add(id);
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                ids.Count = firstPiece;
                ids.Add(_unknownId);
                return;
            }

            start = end;
        }
    }

    private static int CountScalars(ReadOnlySpan<char> word)
    {
        var count = word.Length;
        for (var i = 1; i < word.Length; i++)
        {
            if (char.IsLowSurrogate(word[i]) && char.IsHighSurrogate(word[i - 1]))
            {
                count--;
            }
        }

        return count;
    }
}
