namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>
/// The Hugging Face parameter names of each family's sequence-classification model (without the
/// <c>.weight</c>/<c>.bias</c> suffix), so synthetic weights line up with a PyTorch state dict.
/// </summary>
public sealed class ParameterNames
{
    private readonly TransformerFamily _family;

    public ParameterNames(TransformerFamily family)
    {
        _family = family;
        Prefix = family switch
        {
            TransformerFamily.DistilBert => "distilbert",
            TransformerFamily.Bert => "bert",
            // XLMRobertaForSequenceClassification keeps its encoder in a module named roberta.
            _ => "roberta",
        };
    }

    /// <summary>The encoder's module name in a sequence classifier (<c>bert</c>, <c>distilbert</c>, <c>roberta</c>).</summary>
    public string Prefix { get; }

    public string WordEmbeddings => $"{Prefix}.embeddings.word_embeddings";

    public string PositionEmbeddings => $"{Prefix}.embeddings.position_embeddings";

    public string TokenTypeEmbeddings => $"{Prefix}.embeddings.token_type_embeddings";

    public string EmbeddingNorm => $"{Prefix}.embeddings.LayerNorm";

    public string Query(int layer) => Distil ? Layer(layer, "attention.q_lin") : Layer(layer, "attention.self.query");

    public string Key(int layer) => Distil ? Layer(layer, "attention.k_lin") : Layer(layer, "attention.self.key");

    public string Value(int layer) => Distil ? Layer(layer, "attention.v_lin") : Layer(layer, "attention.self.value");

    public string AttentionOutput(int layer) => Distil ? Layer(layer, "attention.out_lin") : Layer(layer, "attention.output.dense");

    public string AttentionNorm(int layer) => Distil ? Layer(layer, "sa_layer_norm") : Layer(layer, "attention.output.LayerNorm");

    public string FeedForwardIn(int layer) => Distil ? Layer(layer, "ffn.lin1") : Layer(layer, "intermediate.dense");

    public string FeedForwardOut(int layer) => Distil ? Layer(layer, "ffn.lin2") : Layer(layer, "output.dense");

    public string OutputNorm(int layer) => Distil ? Layer(layer, "output_layer_norm") : Layer(layer, "output.LayerNorm");

    /// <summary>The dense layer applied to the first token: pre_classifier, pooler or classifier.dense.</summary>
    public string HeadDense => _family switch
    {
        TransformerFamily.DistilBert => "pre_classifier",
        TransformerFamily.Bert => "bert.pooler.dense",
        _ => "classifier.dense",
    };

    public string HeadOutput => _family.HasRobertaArchitecture() ? "classifier.out_proj" : "classifier";

    private bool Distil => _family == TransformerFamily.DistilBert;

    private string Layer(int layer, string name) =>
        Distil ? $"distilbert.transformer.layer.{layer}.{name}" : $"{Prefix}.encoder.layer.{layer}.{name}";
}
