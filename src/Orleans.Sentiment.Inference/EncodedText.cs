namespace Orleans.Sentiment.Inference;

/// <summary>
/// A text encoded once for every tokenizer of a <see cref="ClassifierSet"/> (and once for each tenant model's shared
/// encoder whose tokenizer differs); <see cref="Tokens"/> is the first model's length.
/// </summary>
public sealed class EncodedText(string text, int[][] encodings, ModelSelection? selection = null, int[][]? tenantEncodings = null)
{
    public string Text { get; } = text;

    /// <summary>Token ids per tokenizer of the set, in the set's tokenizer order.</summary>
    public IReadOnlyList<int[]> Encodings { get; } = encodings;

    /// <summary>The models to run; null runs every configured model.</summary>
    public ModelSelection? Selection { get; } = selection;

    /// <summary>Token ids per tenant model of <see cref="Selection"/>, in its order.</summary>
    public IReadOnlyList<int[]> TenantEncodings { get; } = tenantEncodings ?? [];

    /// <summary>Tokens the first model is fed: what the batching service groups texts by.</summary>
    public int Tokens => Encodings.Count > 0 ? Encodings[0].Length : TenantEncodings[0].Length;

    /// <summary>Model passes this text costs (see <see cref="ModelSelection.Passes"/>).</summary>
    public int Passes => Selection?.Passes ?? 1;
}
