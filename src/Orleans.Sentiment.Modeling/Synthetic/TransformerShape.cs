namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>
/// The sizes of one encoder configuration, with the Hugging Face values of the base models as presets.
/// </summary>
public sealed record TransformerShape(
    TransformerFamily Family,
    int Layers,
    int Hidden,
    int Heads,
    int Intermediate,
    int MaxPositions,
    int VocabSize,
    int TypeVocabSize,
    double LayerNormEpsilon,
    int PadTokenId)
{
    public static TransformerShape DistilBertBase { get; } = new(TransformerFamily.DistilBert, 6, 768, 12, 3072, 512, 30522, 0, 1e-12, 0);

    public static TransformerShape BertBase { get; } = new(TransformerFamily.Bert, 12, 768, 12, 3072, 512, 30522, 2, 1e-12, 0);

    /// <summary>RoBERTa keeps two extra positions because its position ids start after the padding id (1).</summary>
    public static TransformerShape RobertaBase { get; } = new(TransformerFamily.Roberta, 12, 768, 12, 3072, 514, 50265, 1, 1e-5, 1);

    /// <summary>XLM-R base: RoBERTa's sizes with the 250,002-piece SentencePiece vocabulary.</summary>
    public static TransformerShape XlmRobertaBase { get; } = new(TransformerFamily.XlmRoberta, 12, 768, 12, 3072, 514, 250002, 1, 1e-5, 1);

    /// <summary>A small BERT-like model for tests: fast to write and to run.</summary>
    public static TransformerShape Tiny { get; } = new(TransformerFamily.Bert, 2, 32, 4, 64, 128, 1024, 2, 1e-12, 0);

    /// <summary>A small XLM-R for tests of the multilingual path: Tiny's sizes with RoBERTa's conventions.</summary>
    public static TransformerShape TinyXlmRoberta { get; } = new(TransformerFamily.XlmRoberta, 2, 32, 4, 64, 130, 1024, 1, 1e-5, 1);

    /// <summary>Names accepted by <c>model synth --arch</c>.</summary>
    public static IReadOnlyDictionary<string, TransformerShape> Presets { get; } = new Dictionary<string, TransformerShape>(StringComparer.OrdinalIgnoreCase)
    {
        ["distilbert-base"] = DistilBertBase,
        ["bert-base"] = BertBase,
        ["roberta-base"] = RobertaBase,
        ["xlm-roberta-base"] = XlmRobertaBase,
        ["tiny"] = Tiny,
        ["tiny-xlm-roberta"] = TinyXlmRoberta,
    };

    public int HeadSize => Hidden / Heads;

    /// <summary>Throws with a message naming the setting when the sizes cannot form a model.</summary>
    public void Validate()
    {
        Require(Layers > 0, nameof(Layers), "must be positive");
        Require(Hidden > 0 && Heads > 0 && Hidden % Heads == 0, nameof(Hidden), $"({Hidden}) must be a positive multiple of {nameof(Heads)} ({Heads})");
        Require(Intermediate > 0, nameof(Intermediate), "must be positive");
        Require(VocabSize > PadTokenId && PadTokenId >= 0, nameof(PadTokenId), $"({PadTokenId}) must be an id below {nameof(VocabSize)} ({VocabSize})");
        Require(MaxPositions > (Family.HasRobertaArchitecture() ? PadTokenId + 1 : 0), nameof(MaxPositions), "leaves no room for a token");
        Require(Family != TransformerFamily.Bert || TypeVocabSize > 0, nameof(TypeVocabSize), "must be positive for BERT");
        Require(Family != TransformerFamily.DistilBert || TypeVocabSize == 0, nameof(TypeVocabSize), "must be 0 for DistilBERT, which has no token types");
        Require(LayerNormEpsilon > 0, nameof(LayerNormEpsilon), "must be positive");
    }

    private static void Require(bool condition, string setting, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{nameof(TransformerShape)}.{setting} {problem}.");
        }
    }
}
