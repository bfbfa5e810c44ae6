using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>The config.json fields transformers writes for each family, so other tools load the folder as that model.</summary>
public static class HuggingFaceConfigFields
{
    public static string ModelType(TransformerFamily family) => family switch
    {
        TransformerFamily.DistilBert => "distilbert",
        TransformerFamily.Bert => "bert",
        TransformerFamily.XlmRoberta => "xlm-roberta",
        _ => "roberta",
    };

    public static JsonObject For(TransformerShape shape)
    {
        var fields = shape.Family == TransformerFamily.DistilBert ? DistilBert(shape) : BertOrRoberta(shape);
        fields["initializer_range"] = 0.02;
        fields["max_position_embeddings"] = shape.MaxPositions;
        fields["pad_token_id"] = shape.PadTokenId;
        fields["vocab_size"] = shape.VocabSize;
        fields["torch_dtype"] = "float32";
        fields["transformers_version"] = "4.57.6";
        return fields;
    }

    private static string Architecture(TransformerFamily family) => family switch
    {
        TransformerFamily.Bert => "BertForSequenceClassification",
        TransformerFamily.XlmRoberta => "XLMRobertaForSequenceClassification",
        _ => "RobertaForSequenceClassification",
    };

    private static JsonObject DistilBert(TransformerShape shape) => new()
    {
        ["architectures"] = new JsonArray("DistilBertForSequenceClassification"),
        ["activation"] = "gelu",
        ["attention_dropout"] = 0.1,
        ["dim"] = shape.Hidden,
        ["dropout"] = 0.1,
        ["hidden_dim"] = shape.Intermediate,
        ["n_heads"] = shape.Heads,
        ["n_layers"] = shape.Layers,
        ["qa_dropout"] = 0.1,
        ["seq_classif_dropout"] = 0.2,
        ["sinusoidal_pos_embds"] = false,
        ["tie_weights_"] = true,
    };

    private static JsonObject BertOrRoberta(TransformerShape shape)
    {
        var roberta = shape.Family.HasRobertaArchitecture();
        var fields = new JsonObject
        {
            ["architectures"] = new JsonArray(Architecture(shape.Family)),
            ["attention_probs_dropout_prob"] = 0.1,
            ["classifier_dropout"] = null,
            ["hidden_act"] = "gelu",
            ["hidden_dropout_prob"] = 0.1,
            ["hidden_size"] = shape.Hidden,
            ["intermediate_size"] = shape.Intermediate,
            ["layer_norm_eps"] = shape.LayerNormEpsilon,
            ["num_attention_heads"] = shape.Heads,
            ["num_hidden_layers"] = shape.Layers,
            ["position_embedding_type"] = "absolute",
            ["type_vocab_size"] = shape.TypeVocabSize,
            ["use_cache"] = true,
        };
        if (roberta)
        {
            fields["bos_token_id"] = 0;
            fields["eos_token_id"] = 2;
        }

        return fields;
    }
}
