namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>When Metaspace puts its replacement character before a piece that does not start with one.</summary>
public enum PrependScheme
{
    /// <summary>Before every piece (also the old <c>add_prefix_space: true</c>).</summary>
    Always,

    /// <summary>Only before a piece that starts the text (not after an added token or stripped characters).</summary>
    First,

    /// <summary>Never (also the old <c>add_prefix_space: false</c>).</summary>
    Never,
}

/// <summary>
/// Hugging Face's <c>Metaspace</c> pre-tokenizer, optionally after <c>WhitespaceSplit</c>: spaces become the
/// replacement character (▁), one is prepended by the scheme, and with <c>split</c> each ▁ starts a new word.
/// </summary>
internal sealed class MetaspacePreTokenizer(char replacement, PrependScheme prepend, bool split, bool whitespaceSplitFirst)
{
    /// <summary>The words of one normalized piece, each handed to <paramref name="appendWord"/>.</summary>
    public void AppendWords<TState>(string normalized, bool startsAtOrigin, ref IdBuffer ids, TState state, PieceAppender<TState> appendWord)
    {
        if (!whitespaceSplitFirst)
        {
            AppendMetaspaced(normalized, startsAtOrigin, ref ids, state, appendWord);
            return;
        }

        for (var i = 0; i < normalized.Length;)
        {
            if (Scalars.IsRustWhitespace(normalized[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < normalized.Length && !Scalars.IsRustWhitespace(normalized[i]))
            {
                i++;
            }

            AppendMetaspaced(normalized[start..i], startsAtOrigin && start == 0, ref ids, state, appendWord);
        }
    }

    private void AppendMetaspaced<TState>(string piece, bool startsAtOrigin, ref IdBuffer ids, TState state, PieceAppender<TState> appendWord)
    {
        if (piece.Length == 0)
        {
            return;
        }

        var text = piece.Replace(' ', replacement);
        var addPrefix = text[0] != replacement && (prepend == PrependScheme.Always || (prepend == PrependScheme.First && startsAtOrigin));
        if (addPrefix)
        {
            text = string.Concat(replacement.ToString(), text);
        }

        if (!split)
        {
            appendWord(state, text, ref ids);
            return;
        }

        var span = text.AsSpan();
        var wordStart = 0;
        for (var i = 1; i <= span.Length; i++)
        {
            if (i == span.Length || span[i] == replacement)
            {
                appendWord(state, span[wordStart..i], ref ids);
                wordStart = i;
            }
        }
    }
}
