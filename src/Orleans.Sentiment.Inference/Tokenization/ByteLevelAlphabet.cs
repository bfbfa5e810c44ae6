namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>GPT-2's reversible byte → printable character map (<c>bytes_to_unicode</c>).</summary>
internal static class ByteLevelAlphabet
{
    public static char[] ByteToChar { get; } = Build();

    private static char[] Build()
    {
        var map = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is (>= '!' and <= '~') or (>= 0xA1 and <= 0xAC) or (>= 0xAE and <= 0xFF);
            map[b] = printable ? (char)b : (char)next++;
        }

        return map;
    }
}
