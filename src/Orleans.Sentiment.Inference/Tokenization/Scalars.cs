namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>Reads Unicode scalar values from UTF-16 the way text reaches Hugging Face's Rust code.</summary>
internal static class Scalars
{
    /// <summary>
    /// The scalar at <paramref name="index"/> and its width in UTF-16 units. An unpaired surrogate reads as
    /// U+FFFD, as it does when JavaScript or .NET text is converted to UTF-8 for the Rust library.
    /// </summary>
    public static int At(ReadOnlySpan<char> text, int index, out int width)
    {
        var c = text[index];
        if (!char.IsSurrogate(c))
        {
            width = 1;
            return c;
        }

        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }

        width = 1;
        return 0xFFFD;
    }

    /// <summary>Rust's <c>char::is_whitespace</c> (the Unicode White_Space property).</summary>
    public static bool IsRustWhitespace(int c) =>
        c is (>= 0x09 and <= 0x0D) or 0x20 or 0x85 or 0xA0 or 0x1680 or (>= 0x2000 and <= 0x200A)
            or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000;
}
