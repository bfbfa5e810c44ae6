namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>
/// Which Linear modules of a shared encoder take LoRA branches from a bank of adapters fed as graph inputs, and the
/// bank's rank: an adapter of a smaller rank is zero-padded into it, a larger one is refused.
/// </summary>
/// <param name="Modules">Hugging Face module names (<c>bert.encoder.layer.0.attention.self.query</c>, ...).</param>
/// <param name="Rank">LoRA rank of every slot.</param>
public sealed record LoraBankLayout(IReadOnlyList<string> Modules, int Rank)
{
    /// <summary>The LoRA trainer's default rank.</summary>
    public const int DefaultRank = 8;

    /// <summary>The query and value projections of every layer: the targets PEFT and the LoRA trainer choose for sequence classification.</summary>
    public static LoraBankLayout QueryValue(TransformerShape shape, int rank = DefaultRank)
    {
        var names = new ParameterNames(shape.Family);
        return new LoraBankLayout([.. Enumerable.Range(0, shape.Layers).SelectMany(layer => new[] { names.Query(layer), names.Value(layer) })], rank);
    }
}
