using System.Globalization;
using System.Text;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>BERT-style WordPiece: basic normalisation, whitespace/punctuation split, greedy longest match.</summary>
public sealed class WordPieceTokenizer : ITextTokenizer
{
    private const int MaxCharsPerWord = 100;
    private readonly Dictionary<string, int> _vocab;
    private readonly bool _lowerCase;
    private readonly int _cls;
    private readonly int _sep;
    private readonly int _unk;

    public WordPieceTokenizer(IReadOnlyList<string> vocabulary, bool lowerCase, int modelMaxLength)
    {
        _vocab = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            _vocab.TryAdd(vocabulary[i], i);
        }

        _lowerCase = lowerCase;
        _cls = Require("[CLS]");
        _sep = Require("[SEP]");
        _unk = Require("[UNK]");
        PadTokenId = Require("[PAD]");
        ModelMaxLength = modelMaxLength;
    }

    public int PadTokenId { get; }

    public int ModelMaxLength { get; }

    public static WordPieceTokenizer FromVocabFile(string path, bool lowerCase, int modelMaxLength) =>
        new(File.ReadAllLines(path), lowerCase, modelMaxLength);

    public int[] Encode(string text, int? maxLength = null)
    {
        var ids = new List<int> { _cls };
        foreach (var word in SplitWords(Normalize(text)))
        {
            AppendWordPieces(word, ids);
        }

        if (maxLength is { } limit && ids.Count + 1 > limit)
        {
            ids.RemoveRange(Math.Max(1, limit - 1), ids.Count - Math.Max(1, limit - 1));
        }

        ids.Add(_sep);
        return [.. ids];
    }

    private int Require(string token) =>
        _vocab.TryGetValue(token, out var id) ? id : throw new ModelFolderException($"WordPiece vocabulary has no {token} token.");

    private string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == 0 || rune.Value == 0xFFFD || (Rune.IsControl(rune) && !Rune.IsWhiteSpace(rune)))
            {
                continue;
            }

            if (Rune.IsWhiteSpace(rune))
            {
                builder.Append(' ');
            }
            else if (IsCjk(rune.Value))
            {
                builder.Append(' ').Append(rune.ToString()).Append(' ');
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        var cleaned = builder.ToString();
        return _lowerCase ? StripAccents(cleaned.ToLowerInvariant()) : cleaned;
    }

    private static string StripAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<string> SplitWords(string text)
    {
        foreach (var chunk in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            for (var i = 0; i < chunk.Length; i++)
            {
                if (IsPunctuation(chunk[i]))
                {
                    if (i > start)
                    {
                        yield return chunk[start..i];
                    }

                    yield return chunk[i].ToString();
                    start = i + 1;
                }
            }

            if (start < chunk.Length)
            {
                yield return chunk[start..];
            }
        }
    }

    private void AppendWordPieces(string word, List<int> ids)
    {
        if (word.Length > MaxCharsPerWord)
        {
            ids.Add(_unk);
            return;
        }

        var pieces = new List<int>();
        var start = 0;
        while (start < word.Length)
        {
            var end = word.Length;
            var found = -1;
            while (start < end)
            {
                var piece = start == 0 ? word[start..end] : "##" + word[start..end];
                if (_vocab.TryGetValue(piece, out var id))
                {
                    found = id;
                    break;
                }

                end--;
            }

            if (found < 0)
            {
                ids.Add(_unk);
                return;
            }

            pieces.Add(found);
            start = end;
        }

        ids.AddRange(pieces);
    }

    private static bool IsPunctuation(char c) =>
        (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126) || char.IsPunctuation(c);

    private static bool IsCjk(int cp) =>
        (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}
