using System.Buffers;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>A piece of the input: either plain text to tokenize or one added token.</summary>
internal readonly record struct TextSegment(int Start, int Length, int TokenId)
{
    public bool IsAddedToken => TokenId >= 0;
}

/// <summary>Tokenizes one piece of text that holds no added token, appending its ids.</summary>
internal delegate void PieceAppender<TState>(TState state, ReadOnlySpan<char> piece, ref IdBuffer ids);

/// <summary>
/// Splits text on added tokens as Hugging Face's AddedVocabulary does: leftmost-longest, non-overlapping matches
/// on the raw text; <c>lstrip</c>/<c>rstrip</c> take the whitespace beside a match into the token and
/// <c>single_word</c> tokens match only between non-word characters.
/// </summary>
internal sealed class AddedTokenSplitter
{
    private readonly AddedToken[] _tokens;
    private readonly SearchValues<char> _firstChars;

    public AddedTokenSplitter(IEnumerable<AddedToken> tokens)
    {
        _tokens = [.. tokens.Where(t => t.Content.Length > 0).OrderByDescending(t => t.Content.Length)];
        _firstChars = SearchValues.Create([.. _tokens.Select(t => t.Content[0]).Distinct()]);
    }

    /// <summary>False when no added token can occur in the text (none of their first characters does).</summary>
    public bool MayMatch(ReadOnlySpan<char> text) => _tokens.Length > 0 && text.ContainsAny(_firstChars);

    /// <summary>
    /// Appends the ids of <paramref name="text"/>: each added token's own id, and the pieces between them as
    /// <paramref name="appendPiece"/> tokenizes them. The state is passed through so callers need no closure.
    /// </summary>
    public void AppendIds<TState>(ReadOnlySpan<char> text, ref IdBuffer ids, TState state, PieceAppender<TState> appendPiece)
    {
        if (!MayMatch(text))
        {
            appendPiece(state, text, ref ids);
            return;
        }

        var segments = new List<TextSegment>();
        Split(text, segments);
        foreach (var segment in segments)
        {
            if (segment.IsAddedToken)
            {
                ids.Add(segment.TokenId);
            }
            else
            {
                appendPiece(state, text.Slice(segment.Start, segment.Length), ref ids);
            }
        }
    }

    public void Split(ReadOnlySpan<char> text, List<TextSegment> segments)
    {
        segments.Clear();
        var emitted = 0;
        var searchFrom = 0;
        while (_tokens.Length > 0 && searchFrom < text.Length && NextMatch(text, searchFrom) is { } match)
        {
            var (token, matchStart) = match;
            var start = matchStart;
            var stop = matchStart + token.Content.Length;
            searchFrom = stop;
            if (token.SingleWord && !IsStandaloneWord(text, start, stop))
            {
                continue;
            }

            if (token.LeftStrip)
            {
                while (start > emitted && Scalars.IsRustWhitespace(text[start - 1]))
                {
                    start--;
                }
            }

            if (token.RightStrip)
            {
                while (stop < text.Length && Scalars.IsRustWhitespace(text[stop]))
                {
                    stop++;
                }
            }

            if (emitted < start)
            {
                segments.Add(new TextSegment(emitted, start - emitted, -1));
            }

            segments.Add(new TextSegment(start, stop - start, token.Id));
            emitted = stop;
            searchFrom = Math.Max(searchFrom, stop);
        }

        if (emitted < text.Length || segments.Count == 0)
        {
            segments.Add(new TextSegment(emitted, text.Length - emitted, -1));
        }
    }

    /// <summary>The earliest match after <paramref name="from"/>; the longest token wins a tie.</summary>
    private (AddedToken Token, int Start)? NextMatch(ReadOnlySpan<char> text, int from)
    {
        AddedToken? best = null;
        var bestStart = int.MaxValue;
        foreach (var token in _tokens)
        {
            var index = text[from..].IndexOf(token.Content.AsSpan(), StringComparison.Ordinal);
            if (index >= 0 && from + index < bestStart)
            {
                best = token;
                bestStart = from + index;
            }
        }

        return best is null ? null : (best, bestStart);
    }

    private static bool IsStandaloneWord(ReadOnlySpan<char> text, int start, int stop)
    {
        var before = start == 0 || !IsWordChar(text[start - 1]);
        var after = stop == text.Length || !IsWordChar(text[stop]);
        return before && after;
    }

    // Rust's char::is_alphanumeric, as Hugging Face uses for single_word tokens.
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber;
}
