using System.Text.Json;

namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>
/// One tenant model version decoded for a shared encoder: its LoRA matrices per adapted module (in the bank's layout:
/// Aᵀ [in, rank] and (alpha/r)·Bᵀ [rank, out], zero-padded to the bank's rank) and its head. A version without LoRA
/// tensors (a head-only model) runs on the base encoder.
/// </summary>
public sealed class TenantAdapter
{
    private const string KeyPrefix = "base_model.model.";
    private const string LoraA = ".lora_A.weight";
    private const string LoraB = ".lora_B.weight";

    private TenantAdapter(AdapterModelVersion version, IReadOnlyDictionary<string, LoraPair> lora, AdapterHead? head)
    {
        Version = version;
        Lora = lora;
        Head = head;
    }

    public AdapterModelVersion Version { get; }

    /// <summary>Identifies the version in the bank: model name and version id.</summary>
    public string Key => KeyOf(Version);

    /// <summary>The bank key of <paramref name="version"/>.</summary>
    public static string KeyOf(AdapterModelVersion version) => version.Name + "@" + version.VersionId;

    /// <summary>Bank-layout matrices per adapted module; empty for a head-only model.</summary>
    public IReadOnlyDictionary<string, LoraPair> Lora { get; }

    /// <summary>The classification head; null for <see cref="BareEncoder"/>, whose pass gives only its sentence embedding.</summary>
    public AdapterHead? Head { get; }

    /// <summary>
    /// The base encoder <paramref name="baseModel"/> as it is, with no head: its pass (slot 0) answers only the text's
    /// sentence embedding, the topic-preserving vector themes group by (a fine-tuned model's keeps little of the topic).
    /// </summary>
    public static TenantAdapter BareEncoder(string baseModel) =>
        new(new AdapterModelVersion(BareEncoderName, "base", baseModel), new Dictionary<string, LoraPair>(StringComparer.Ordinal), null);

    /// <summary>The name <see cref="BareEncoder"/> runs under; no tenant model can have it (theirs are "tenant:model").</summary>
    public const string BareEncoderName = "#sentence";

    /// <summary>Whether the version changes the encoder (else it runs on slot 0, the base encoder).</summary>
    public bool HasLora => Lora.Count > 0;

    /// <summary>Decodes and checks <paramref name="artifact"/> against the shared encoder's modules and rank.</summary>
    /// <param name="version">The version the artifact belongs to.</param>
    /// <param name="artifact">Its files.</param>
    /// <param name="family">The encoder family (Bert, DistilBert, Roberta).</param>
    /// <param name="modules">The bank's modules with their input and output widths.</param>
    /// <param name="bankRank">The bank's rank: smaller adapter ranks are zero-padded, larger ones refused.</param>
    public static TenantAdapter Decode(AdapterModelVersion version, AdapterArtifact artifact, string family, IReadOnlyDictionary<string, (int In, int Out)> modules, int bankRank)
    {
        var head = HeadConfig.Parse(artifact.Require(AdapterArtifact.HeadConfigFileName));
        var (rank, alpha) = ReadConfig(artifact.Require(AdapterArtifact.AdapterConfigFileName));
        var raw = SafetensorsBytes.Read(artifact.Require(AdapterArtifact.AdapterWeightsFileName), AdapterArtifact.AdapterWeightsFileName);
        var stray = raw.Keys.FirstOrDefault(k => !k.StartsWith(KeyPrefix, StringComparison.Ordinal));
        if (stray is not null)
        {
            throw new InvalidDataException($"{AdapterArtifact.AdapterWeightsFileName}: tensor '{stray}' does not start with '{KeyPrefix}' (not a PEFT adapter file).");
        }

        var tensors = raw.ToDictionary(p => p.Key[KeyPrefix.Length..], p => p.Value, StringComparer.Ordinal);
        var lora = new Dictionary<string, LoraPair>(StringComparer.Ordinal);
        foreach (var (name, a) in tensors.Where(t => t.Key.EndsWith(LoraA, StringComparison.Ordinal)))
        {
            var module = name[..^LoraA.Length];
            if (!modules.TryGetValue(module, out var width))
            {
                throw new InvalidDataException($"The adapter tunes '{module}', which the shared encoder's LoRA bank does not hold (it holds {modules.Count} query/value modules).");
            }

            if (rank > bankRank)
            {
                throw new InvalidDataException($"The adapter's rank r={rank} is above the shared encoder's bank rank {bankRank}: train with r <= {bankRank}.");
            }

            if (!tensors.TryGetValue(module + LoraB, out var b) || a.Shape is not [var ar, var ai] || ar != rank || ai != width.In
                || b.Shape is not [var bo, var br] || bo != width.Out || br != rank)
            {
                throw new InvalidDataException($"Adapter module '{module}': lora_A and lora_B do not fit a [{width.Out}, {width.In}] weight at r={rank}.");
            }

            lora[module] = LoraPair.ToBankLayout(a.Data, b.Data, width.In, width.Out, rank, bankRank, alpha / rank);
        }

        return new TenantAdapter(version, lora, AdapterHead.Create(head, tensors, family));
    }

    private static (int Rank, float Alpha) ReadConfig(byte[] json)
    {
        const string File = AdapterArtifact.AdapterConfigFileName;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            string? Text(string field) => root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            bool Flag(string field) => root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.True;
            if (Text("peft_type") != "LORA")
            {
                throw new InvalidDataException($"{File}: peft_type is '{Text("peft_type")}', expected 'LORA'.");
            }

            if (Flag("use_dora") || Flag("use_rslora"))
            {
                throw new InvalidDataException($"{File}: DoRA and rsLoRA adapters are not supported (plain LoRA only).");
            }

            var rank = root.TryGetProperty("r", out var r) && r.TryGetInt32(out var ri) ? ri : 0;
            var alpha = root.TryGetProperty("lora_alpha", out var a) && a.TryGetDouble(out var ad) ? (float)ad : 0f;
            return rank > 0 && alpha > 0 ? (rank, alpha) : throw new InvalidDataException($"{File}: r and lora_alpha must be positive (r={rank}, lora_alpha={alpha}).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{File} is not valid JSON: {e.Message}", e);
        }
    }
}

/// <summary>One module's LoRA matrices as the bank holds them: Aᵀ [in, bankRank] and scaled Bᵀ [bankRank, out].</summary>
public sealed record LoraPair(float[] A, float[] B)
{
    /// <summary>From PEFT's lora_A [r, in] and lora_B [out, r]; rows and columns past r stay zero.</summary>
    public static LoraPair ToBankLayout(float[] a, float[] b, int inputs, int outputs, int rank, int bankRank, float scaling)
    {
        var at = new float[inputs * bankRank];
        var bt = new float[bankRank * outputs];
        for (var k = 0; k < rank; k++)
        {
            for (var i = 0; i < inputs; i++)
            {
                at[(i * bankRank) + k] = a[(k * inputs) + i];
            }

            for (var o = 0; o < outputs; o++)
            {
                bt[(k * outputs) + o] = scaling * b[(o * rank) + k];
            }
        }

        return new LoraPair(at, bt);
    }
}
