using System.Text.Encodings.Web;
using System.Text.Json;

namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>
/// A made-up multilingual SentencePiece Unigram vocabulary in XLM-R's id layout, for synthetic XLM-R models written
/// without real tokenizer files: <c>&lt;s&gt;</c>, <c>&lt;pad&gt;</c>, <c>&lt;/s&gt;</c>, <c>&lt;unk&gt;</c> at 0–3, then pieces
/// by falling log-probability (frequent words and characters of several scripts, then letter n-grams) and
/// <c>&lt;mask&gt;</c> as the last id.
/// </summary>
public static class GeneratedUnigramVocabulary
{
    public const string Boundary = "\u2581";

    public static readonly string[] Specials = ["<s>", "<pad>", "</s>", "<unk>"];

    public const string Mask = "<mask>";

    private static readonly string[] CommonPieces =
    [
        ",", ".", Boundary, "s", "▁de", "-", "▁a", "a", ":", "e", "i", "▁(", ")", "▁i", "t", "n", "▁-", "▁la", "▁en", "▁in",
        "▁the", "▁and", "▁to", "▁of", "▁is", "▁it", "▁that", "▁this", "▁was", "▁for", "▁with", "▁not", "▁no", "▁my", "▁you",
        "▁I", "▁The", "▁It", "▁This", "▁we", "▁they", "▁but", "▁so", "▁very", "▁too", "▁again", "▁please", "▁thanks",
        "▁good", "▁great", "▁bad", "▁love", "▁hate", "▁like", "▁best", "▁worst", "▁awful", "▁excellent", "▁terrible", "▁nice",
        "▁app", "▁flight", "▁service", "▁support", "▁bug", "▁crash", "▁update", "▁delay", "▁delayed", "▁help", "▁work", "▁works",
        "▁der", "▁die", "▁und", "▁nicht", "▁ist", "▁gut", "▁schlecht", "▁le", "▁et", "▁est", "▁pas", "▁très", "▁bien", "▁el",
        "▁que", "▁es", "▁muy", "▁bueno", "▁malo", "▁di", "▁il", "▁non", "▁è", "▁в", "▁и", "▁не", "▁на", "▁хорошо", "▁плохо",
        "▁ال", "▁من", "▁في", "▁لا", "▁का", "▁में", "▁है", "▁नहीं", "の", "に", "は", "を", "が", "です", "的", "是", "不", "好",
        "很", "我", "ที่", "ไม่", "ดี", "!", "?", "'", "\"", "/", "&", "@", "#", ";", "▁:", "▁!", "▁?", "▁\"", "...", "😀", "😡",
        "👍", "❤", "é", "è", "à", "â", "ç", "ñ", "ü", "ö", "ä", "í", "ó", "ú",
    ];

    /// <summary>Pieces and scores for ids 0 to <paramref name="size"/> - 1, mask included.</summary>
    public static List<(string Piece, double Score)> Create(int size)
    {
        var minimum = Specials.Length + CommonPieces.Concat(Characters()).Distinct(StringComparer.Ordinal).Count() + 1;
        if (size < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"A generated Unigram vocabulary needs at least {minimum} entries; the model has {size}.");
        }

        var pieces = new List<string>(size);
        var seen = new HashSet<string>(Specials, StringComparer.Ordinal) { Mask };
        foreach (var piece in CommonPieces.Concat(Characters()).Concat(LetterGrams()))
        {
            if (pieces.Count == size - Specials.Length - 1)
            {
                break;
            }

            if (seen.Add(piece))
            {
                pieces.Add(piece);
            }
        }

        // Zipf-like log-probabilities in the range real XLM-R pieces have (about -3 to -16).
        var vocabulary = Specials.Select(s => (s, 0.0)).ToList();
        vocabulary.AddRange(pieces.Select((piece, rank) => (piece, Math.Round(-3 - Math.Log(1 + (rank / 4.0)), 5))));
        vocabulary.Add((Mask, 0.0));
        return vocabulary;
    }

    /// <summary>Writes tokenizer.json, tokenizer_config.json and special_tokens_map.json as a hub XLM-R export has them.</summary>
    public static void Write(string directory, int size, int modelMaxLength)
    {
        var vocabulary = Create(size);
        File.WriteAllText(Path.Combine(directory, "tokenizer.json"), UnigramTokenizerJson.Create(vocabulary).ToJsonString(Compact) + "\n");
        File.WriteAllText(Path.Combine(directory, "tokenizer_config.json"), UnigramTokenizerJson.TokenizerConfig(vocabulary, modelMaxLength).ToJsonString(Indented) + "\n");
        File.WriteAllText(Path.Combine(directory, "special_tokens_map.json"), UnigramTokenizerJson.SpecialTokensMap().ToJsonString(Indented) + "\n");
    }

    // Pieces stay readable UTF-8 ("▁the", "的") as in hub files, rather than \u escapes.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new(Compact) { WriteIndented = true };

    /// <summary>Single characters (so text of these scripts never needs &lt;unk&gt;), each also after the word boundary.</summary>
    private static IEnumerable<string> Characters()
    {
        var ranges = new (char First, char Last)[]
        {
            ('a', 'z'), ('A', 'Z'), ('0', '9'), ('а', 'я'), ('ا', 'ي'), ('क', 'ह'), ('ก', 'ฮ'), ('ぁ', 'ん'),
        };
        foreach (var (first, last) in ranges)
        {
            for (var c = first; c <= last; c++)
            {
                yield return c.ToString();
                yield return Boundary + c;
            }
        }

        foreach (var c in "()[]{}<>*+=%$€£_~|^`，。！？「」")
        {
            yield return c.ToString();
        }
    }

    /// <summary>Lower-case letter n-grams of growing length, word-initial and inside a word, to fill any size.</summary>
    private static IEnumerable<string> LetterGrams()
    {
        for (var length = 2; ; length++)
        {
            foreach (var gram in Grams(length))
            {
                yield return Boundary + gram;
                yield return gram;
            }
        }
    }

    private static IEnumerable<string> Grams(int length)
    {
        if (length == 0)
        {
            yield return "";
            yield break;
        }

        foreach (var prefix in Grams(length - 1))
        {
            for (var c = 'a'; c <= 'z'; c++)
            {
                yield return prefix + c;
            }
        }
    }
}
