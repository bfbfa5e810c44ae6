using System.Globalization;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>Writes token ids as one compact JSON array per line (<c>[101,7592,102]</c>), the output of <c>client tokenize</c>.</summary>
public static class TokenIdsJson
{
    public static void WriteLine(TextWriter writer, ReadOnlySpan<int> ids)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> digits = stackalloc char[11];
        writer.Write('[');
        for (var i = 0; i < ids.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            ids[i].TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
            writer.Write(digits[..written]);
        }

        writer.Write(']');
        writer.Write('\n');
    }
}
