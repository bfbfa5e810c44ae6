using System.Text.Json.Nodes;
using Microsoft.ML.OnnxRuntime;
using Orleans.Sentiment.Inference.Execution;
using Orleans.Sentiment.Inference.Languages;
using Orleans.Sentiment.Inference.Tokenization;

namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>
/// One base model's shared encoder session with its <see cref="AdapterBank"/>: a model call runs rows of token ids,
/// each with its own tenant adapter (gathered per row in the graph), padded to the longest, and each row's pooled
/// vectors then go through that row's tenant head. Rows of the same text and slot (head-only versions share slot 0)
/// run once. Safe to call from several threads.
/// </summary>
public sealed class AdapterEncoderSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly int _padTokenId;
    private readonly int _maxSequenceLength;
    private readonly (string Name, bool Present)[] _tokenInputs;
    private long _calls;

    private AdapterEncoderSession(InferenceSession session, ITextTokenizer? tokenizer, string tokenizerKey, int padTokenId, int maxSequenceLength, int capacity)
    {
        _session = session;
        Tokenizer = tokenizer;
        TokenizerKey = tokenizerKey;
        _padTokenId = padTokenId;
        _maxSequenceLength = maxSequenceLength;
        var inputs = session.InputMetadata;
        var metadata = session.ModelMetadata.CustomMetadataMap;
        Family = metadata.TryGetValue(AdapterGraphNames.FamilyMetadata, out var family) ? family
            : throw new ModelFolderException($"The shared encoder graph has no '{AdapterGraphNames.FamilyMetadata}' metadata.");
        if (!inputs.ContainsKey(AdapterGraphNames.AdapterIndex) || !metadata.TryGetValue(AdapterGraphNames.RankMetadata, out var rankText) || !int.TryParse(rankText, out var rank))
        {
            throw new ModelFolderException($"The graph is not a shared encoder with a LoRA bank (no '{AdapterGraphNames.AdapterIndex}' input or rank metadata).");
        }

        var modules = new Dictionary<string, (int In, int Out)>(StringComparer.Ordinal);
        foreach (var (name, meta) in inputs)
        {
            if (AdapterGraphNames.ModuleOfA(name) is { } module)
            {
                modules[module] = (meta.Dimensions[1], inputs[AdapterGraphNames.B(module)].Dimensions[2]);
            }
        }

        Hidden = session.OutputMetadata[AdapterGraphNames.MeanPooled].Dimensions[1];
        _tokenInputs = [.. new[] { "input_ids", "attention_mask", "token_type_ids" }.Select(n => (n, inputs.ContainsKey(n)))];
        Bank = new AdapterBank(modules, rank, capacity);
    }

    /// <summary>The encoder family the heads are built for (Bert, DistilBert, Roberta).</summary>
    public string Family { get; }

    public AdapterBank Bank { get; }

    /// <summary>Width of the pooled vectors.</summary>
    public int Hidden { get; }

    /// <summary>Model calls made so far: a batch mixing any number of tenants' adapters is one.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>The base model's tokenizer; null for a session built from a bare graph.</summary>
    public ITextTokenizer? Tokenizer { get; }

    /// <summary>The languages the base model reads, which its tenant models inherit.</summary>
    public ModelLanguages Languages { get; private set; } = ModelLanguages.English;

    /// <summary>Equal to a configured model's key when both encode every text alike (the text is then encoded once).</summary>
    public string TokenizerKey { get; }

    /// <summary>Opens a folder written for shared serving (see <see cref="IAdapterEncoderLocator"/>).</summary>
    /// <param name="directory">The folder: onnx/model.onnx and the tokenizer files.</param>
    /// <param name="options">Session options (threads, device).</param>
    /// <param name="capacity">Adapters the bank holds at once.</param>
    public static AdapterEncoderSession Load(string directory, OnnxClassifierOptions options, int capacity)
    {
        var tokenizer = TokenizerLoader.Load(directory);
        var maxLength = Math.Min(options.MaxSequenceLength ?? tokenizer.ModelMaxLength, tokenizer.ModelMaxLength);
        using var plan = SessionFactory.Create(options);
        var session = new InferenceSession(Path.Combine(directory, "onnx", "model.onnx"), plan.Options);
        var encoder = Create(session, tokenizer, TokenizerFingerprint.Of(directory, maxLength), tokenizer.PadTokenId, maxLength, capacity);
        var config = Path.Combine(directory, ModelConfig.FileName);
        if (File.Exists(config) && JsonNode.Parse(File.ReadAllText(config)) is JsonObject json)
        {
            encoder.Languages = ModelLanguages.Read(json, directory, config);
        }

        return encoder;
    }

    /// <summary>A session over a graph in memory, fed token ids directly (tests, benchmarks).</summary>
    public static AdapterEncoderSession FromGraph(byte[] graph, int padTokenId, int capacity)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        return Create(new InferenceSession(graph, options), null, "graph", padTokenId, int.MaxValue, capacity);
    }

    /// <summary>The ids this encoder is fed for <paramref name="text"/>.</summary>
    public int[] Encode(string text) =>
        (Tokenizer ?? throw new InvalidOperationException("This shared encoder was built from a bare graph and has no tokenizer.")).Encode(text, _maxSequenceLength);

    /// <summary>One model call: each row's prediction from its adapter's encoder pass and head, in order.</summary>
    public IReadOnlyList<Prediction> Run(IReadOnlyList<(int[] Ids, TenantAdapter Adapter)> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        using var lease = Bank.Acquire([.. rows.Select(r => r.Adapter).DistinctBy(a => a.Key)]);
        // Rows of one text on one slot (head-only versions share slot 0) are one row of the call.
        var passes = new List<(int[] Ids, int Slot)>();
        var passOf = new int[rows.Count];
        var index = new Dictionary<(int[], int), int>(new PassComparer());
        for (var i = 0; i < rows.Count; i++)
        {
            var pass = (rows[i].Ids, lease.SlotOf(rows[i].Adapter));
            if (!index.TryGetValue(pass, out passOf[i]))
            {
                passOf[i] = index[pass] = passes.Count;
                passes.Add(pass);
            }
        }

        var (cls, mean) = Encode(passes);
        var predictions = new Prediction[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var offset = passOf[i] * Hidden;
            // The pass's sentence embedding goes along, as a whole model's does, so its comments can be grouped into themes.
            var embedding = mean.AsSpan(offset, Hidden).ToArray();
            predictions[i] = rows[i].Adapter.Head is { } head
                ? head.Predict(cls.AsSpan(offset, Hidden), mean.AsSpan(offset, Hidden), rows[i].Ids.Length) with { Embedding = embedding }
                : Prediction.EmbeddingOnly(embedding, rows[i].Ids.Length);
        }

        return predictions;
    }

    /// <summary>The pooled vectors of each pass ([passes × hidden] each), from one model call.</summary>
    public (float[] Cls, float[] Mean) Encode(IReadOnlyList<(int[] Ids, int Slot)> passes)
    {
        var batch = PaddedBatch.Create([.. passes.Select(p => p.Ids)], _padTokenId);
        long[] shape = [passes.Count, batch.SequenceLength];
        var names = new List<string>();
        var values = new List<OrtValue>();
        try
        {
            foreach (var (name, present) in _tokenInputs.Where(i => i.Present))
            {
                names.Add(name);
                values.Add(OrtValue.CreateTensorValueFromMemory(
                    name switch { "input_ids" => batch.InputIds, "attention_mask" => batch.AttentionMask, _ => new long[batch.InputIds.Length] }, shape));
            }

            names.Add(AdapterGraphNames.AdapterIndex);
            values.Add(OrtValue.CreateTensorValueFromMemory(passes.Select(p => (long)p.Slot).ToArray(), [passes.Count]));
            using var runOptions = new RunOptions();
            Interlocked.Increment(ref _calls);
            using var outputs = _session.Run(runOptions, [.. names, .. Bank.InputNames], [.. values, .. Bank.Values], [AdapterGraphNames.ClsHidden, AdapterGraphNames.MeanPooled]);
            return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
        }
        finally
        {
            values.ForEach(v => v.Dispose());
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        Bank.Dispose();
    }

    private static AdapterEncoderSession Create(InferenceSession session, ITextTokenizer? tokenizer, string key, int padTokenId, int maxLength, int capacity)
    {
        try
        {
            return new AdapterEncoderSession(session, tokenizer, key, padTokenId, maxLength, capacity);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private sealed class PassComparer : IEqualityComparer<(int[] Ids, int Slot)>
    {
        public bool Equals((int[] Ids, int Slot) x, (int[] Ids, int Slot) y) => ReferenceEquals(x.Ids, y.Ids) && x.Slot == y.Slot;

        public int GetHashCode((int[] Ids, int Slot) pass) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pass.Ids), pass.Slot);
    }
}
