namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>What <see cref="SyntheticModelWriter"/> writes.</summary>
/// <param name="Shape">Family and sizes; the vocabulary size follows the tokenizer when one is given.</param>
/// <param name="Labels">Labels in id order.</param>
/// <param name="TokenizerDirectory">Folder with Hugging Face tokenizer files to copy; null generates a WordPiece vocabulary.</param>
public sealed record SyntheticModelRequest(TransformerShape Shape, IReadOnlyList<string> Labels, string? TokenizerDirectory = null)
{
    public SynthInitialization Initialization { get; init; } = new();

    /// <summary>Writes <c>problem_type: multi_label_classification</c> (sigmoid scores).</summary>
    public bool MultiLabel { get; init; }

    /// <summary>Declares int32 graph inputs instead of int64.</summary>
    public bool Int32Inputs { get; init; }
}
