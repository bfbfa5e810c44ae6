namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>
/// The Hugging Face parameter names of each family's sequence-classification model (without the
/// <c>.weight</c>/<c>.bias</c> suffix), so synthetic weights line up with a PyTorch state dict.
/// </summary>
public sealed class ParameterNames
{
    private readonly TransformerFamily _family;
    private readonly string _prefix;

    public ParameterNames(TransformerFamily family)
    {
        _family = family;
        _prefix = family switch
        {
            TransformerFamily.DistilBert => "distilbert",
            TransformerFamily.Bert => "bert",
            _ => "roberta",
        };
    }

    public string WordEmbeddings => $"{_prefix}.embeddings.word_embeddings";

    public string PositionEmbeddings => $"{_prefix}.embeddings.position_embeddings";

    public string TokenTypeEmbeddings => $"{_prefix}.embeddings.token_type_embeddings";

    public string EmbeddingNorm => $"{_prefix}.embeddings.LayerNorm";

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

    public string HeadOutput => _family == TransformerFamily.Roberta ? "classifier.out_proj" : "classifier";

    private bool Distil => _family == TransformerFamily.DistilBert;

    private string Layer(int layer, string name) =>
        Distil ? $"distilbert.transformer.layer.{layer}.{name}" : $"{_prefix}.encoder.layer.{layer}.{name}";
}
