namespace Orleans.Sentiment.Modeling.Synthetic;

public static class TransformerFamilyExtensions
{
    /// <summary>
    /// RoBERTa's graph: positions numbered after the padding id, one token type, dense+tanh then out_proj head,
    /// parameters under <c>roberta.</c>. XLM-R differs only in its tokenizer and config names.
    /// </summary>
    public static bool HasRobertaArchitecture(this TransformerFamily family) =>
        family is TransformerFamily.Roberta or TransformerFamily.XlmRoberta;
}
