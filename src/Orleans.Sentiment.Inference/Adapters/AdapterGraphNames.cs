namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>
/// The inputs and outputs of a shared encoder with a LoRA bank: the graph writer names them and the serving session
/// feeds them, so both sides agree by construction.
/// </summary>
public static class AdapterGraphNames
{
    /// <summary>[batch] int64: the bank slot each row runs with (0 = no adapter, the base encoder).</summary>
    public const string AdapterIndex = "adapter_index";

    /// <summary>[batch, hidden]: the first token's last hidden state.</summary>
    public const string ClsHidden = "cls_hidden";

    /// <summary>[batch, hidden]: the attention-masked mean of the last hidden state.</summary>
    public const string MeanPooled = ClassifierGraphOutputs.MeanPooled;

    /// <summary>Metadata key holding the encoder family (Bert, DistilBert, Roberta).</summary>
    public const string FamilyMetadata = "family";

    /// <summary>Metadata key holding the bank's LoRA rank.</summary>
    public const string RankMetadata = "lora_rank";

    private const string Prefix = "lora.";

    /// <summary>[slots, in, rank]: every slot's lora_A of <paramref name="module"/>, transposed for x·A.</summary>
    public static string A(string module) => Prefix + module + ".A";

    /// <summary>[slots, rank, out]: every slot's lora_B of <paramref name="module"/>, transposed and scaled by alpha/r.</summary>
    public static string B(string module) => Prefix + module + ".B";

    /// <summary>The module an input of the bank belongs to, or null for any other input.</summary>
    public static string? ModuleOfA(string input) =>
        input.StartsWith(Prefix, StringComparison.Ordinal) && input.EndsWith(".A", StringComparison.Ordinal) ? input[Prefix.Length..^2] : null;
}
