using System.Text;

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>
/// The NATS provider puts the stream key into the subject <c>{provider}.{namespace}.{key}</c> and partitions on
/// exactly three tokens, so a key holding '.' (allowed in tenant and source ids) would land on a subject no
/// consumer reads: accepted by JetStream and never delivered. Keys are escaped for the wire ('.', '*', '>', '%'
/// and whitespace become %XX) and unescaped when read back.
/// </summary>
internal static class SubjectSafeKey
{
    public static string Escape(string key)
    {
        if (!key.Any(NeedsEscape))
        {
            return key;
        }

        var builder = new StringBuilder(key.Length + 8);
        foreach (var c in key)
        {
            if (NeedsEscape(c) && c <= 0xFF)
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Unescape(string key)
    {
        if (!key.Contains('%', StringComparison.Ordinal))
        {
            return key;
        }

        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length &&
                int.TryParse(key.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(key[i]);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => c is '.' or '*' or '>' or '%' || char.IsWhiteSpace(c);
}
