using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// What decides a model folder's token ids: its tokenizer files and the truncation length. Two models with the same
/// fingerprint encode every text alike (the built-in models share MiniLM's), so a text is encoded once for both.
/// </summary>
public static class TokenizerFingerprint
{
    private static readonly string[] Files =
        ["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json", "vocab.txt", "vocab.json", "merges.txt"];

    public static string Of(string directory, int maxLength)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files)
        {
            var path = Path.Combine(directory, file);
            if (File.Exists(path))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
                hash.AppendData(File.ReadAllBytes(path));
            }
        }

        hash.AppendData(Encoding.UTF8.GetBytes(maxLength.ToString(CultureInfo.InvariantCulture)));
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
