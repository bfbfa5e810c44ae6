namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>Hugging Face encoder families whose sequence-classification graph the synthesizer reproduces.</summary>
public enum TransformerFamily
{
    /// <summary>DistilBertForSequenceClassification: no token types, pre_classifier Linear+ReLU head.</summary>
    DistilBert,

    /// <summary>BertForSequenceClassification: token type embeddings, pooler Linear+tanh head.</summary>
    Bert,

    /// <summary>RobertaForSequenceClassification: padding-aware positions, dense+tanh then out_proj head.</summary>
    Roberta,

    /// <summary>
    /// XLMRobertaForSequenceClassification: RoBERTa's graph and parameter names (<c>roberta.</c>) with a
    /// SentencePiece Unigram vocabulary (250,002 ids in the base model).
    /// </summary>
    XlmRoberta,
}
