namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// The GPT-2 split that Hugging Face's ByteLevel pre-tokenizer applies, written out by hand:
/// <c>'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+</c>.
/// .NET's Regex tests <c>\p{L}</c> per UTF-16 unit and so misses letters outside the BMP; the classes here come
/// from the Rust library's own tables.
/// </summary>
internal ref struct ByteLevelPreTokenizer(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;
    private int _position;

    /// <summary>The next piece of the text; false once the text is used up.</summary>
    public bool MoveNext(out int start, out int length)
    {
        start = _position;
        if (_position >= _text.Length)
        {
            length = 0;
            return false;
        }

        length = ContractionLength(_text, _position);
        if (length == 0)
        {
            length = PieceLength(_text, _position);
        }

        _position += length;
        return true;
    }

    private static int ContractionLength(ReadOnlySpan<char> text, int i)
    {
        if (text[i] != '\'' || i + 1 >= text.Length)
        {
            return 0;
        }

        var next = text[i + 1];
        if (next is 's' or 't' or 'm' or 'd')
        {
            return 2;
        }

        if (i + 2 < text.Length)
        {
            var third = text[i + 2];
            if ((next == 'r' && third == 'e') || (next == 'v' && third == 'e') || (next == 'l' && third == 'l'))
            {
                return 3;
            }
        }

        return 0;
    }

    private static int PieceLength(ReadOnlySpan<char> text, int start)
    {
        var first = ClassAt(text, start, out var width);
        var runStart = start;
        if (text[start] == ' ' && start + 1 < text.Length)
        {
            var afterSpace = ClassAt(text, start + 1, out var afterWidth);
            if (afterSpace != ByteLevelClass.Whitespace)
            {
                // " ?X+": the space joins the run of letters, numbers or other symbols after it.
                first = afterSpace;
                runStart = start + 1;
                width = afterWidth;
            }
        }

        if (first != ByteLevelClass.Whitespace)
        {
            var end = runStart + width;
            while (end < text.Length && ClassAt(text, end, out var w) == first)
            {
                end += w;
            }

            return end - start;
        }

        // Whitespace: "\s+(?!\S)" leaves the last whitespace character for the next piece when text follows.
        var runEnd = start + width;
        while (runEnd < text.Length && ClassAt(text, runEnd, out var w) == ByteLevelClass.Whitespace)
        {
            runEnd += w;
        }

        if (runEnd == text.Length || runEnd - start == 1)
        {
            return runEnd - start;
        }

        return runEnd - start - 1;
    }

    private static ByteLevelClass ClassAt(ReadOnlySpan<char> text, int index, out int width) =>
        UnicodeTables.ByteLevelClassOf(Scalars.At(text, index, out width));
}
