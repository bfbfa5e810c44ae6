using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Orleans.Sentiment.Inference.Execution;
using Orleans.Sentiment.Inference.Languages;
using Orleans.Sentiment.Inference.Tokenization;

namespace Orleans.Sentiment.Inference;

/// <summary>
/// Runs a Hugging Face sequence-classification model exported to ONNX: <see cref="Encode"/> gives a text's token ids,
/// <see cref="Run"/> makes one model call over encoded texts, padded to the longest (dynamic padding), and takes each
/// text's sentence embedding (<see cref="ClassifierGraphOutputs.MeanPooled"/>) from that same call when the graph has it.
/// <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// is safe to call concurrently on CPU, so one instance serves all callers.
/// </summary>
public sealed class OnnxTextClassifier : ITextClassifier
{
    private static readonly string[] RequiredInputs = ["input_ids", "attention_mask"];
    private readonly InferenceSession _session;
    private readonly ITextTokenizer _tokenizer;
    private readonly ProblemType _problemType;
    private readonly int _maxSequenceLength;
    private readonly (string Name, bool Int32)[] _inputs;
    private readonly string[] _outputNames;

    private OnnxTextClassifier(string name, ModelFolder folder, ITextTokenizer tokenizer, InferenceSession session, OnnxClassifierOptions options, SessionPlan plan)
    {
        Name = name;
        OnnxPath = folder.OnnxPath;
        Device = plan.Device;
        IntraOpThreads = plan.IntraOpThreads;
        FallbackReason = plan.FallbackReason;
        Labels = folder.Config.Labels;
        Languages = folder.Config.Languages;
        _problemType = folder.Config.ProblemType;
        _tokenizer = tokenizer;
        _session = session;
        _maxSequenceLength = Math.Min(options.MaxSequenceLength ?? tokenizer.ModelMaxLength, folder.Config.MaxSequenceLength ?? int.MaxValue);
        TokenizerKey = TokenizerFingerprint.Of(folder.Directory, _maxSequenceLength);

        var inputs = session.InputMetadata;
        foreach (var required in RequiredInputs)
        {
            if (!inputs.ContainsKey(required))
            {
                throw new ModelFolderException($"{folder.OnnxPath} has no '{required}' input (inputs: {string.Join(", ", inputs.Keys)}).");
            }
        }

        // BERT exports take token_type_ids; DistilBERT and RoBERTa exports do not. Some exporters use int32.
        _inputs = [.. RequiredInputs.Append("token_type_ids")
            .Where(inputs.ContainsKey)
            .Select(input => (input, inputs[input].ElementDataType == TensorElementType.Int32))];
        var unknown = inputs.Keys.Except(_inputs.Select(i => i.Name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ModelFolderException($"{folder.OnnxPath} needs inputs this runtime does not provide: {string.Join(", ", unknown)}.");
        }

        var logitsName = session.OutputMetadata.ContainsKey(ClassifierGraphOutputs.Logits) ? ClassifierGraphOutputs.Logits : session.OutputMetadata.Keys.First();
        var width = session.OutputMetadata[logitsName].Dimensions.LastOrDefault();
        if (width > 0 && width != Labels.Count)
        {
            throw new ModelFolderException(
                $"{folder.OnnxPath} outputs {width} logits but {ModelConfig.FileName} names {Labels.Count} labels in id2label.");
        }

        _outputNames = logitsName != ClassifierGraphOutputs.MeanPooled && session.OutputMetadata.ContainsKey(ClassifierGraphOutputs.MeanPooled)
            ? [logitsName, ClassifierGraphOutputs.MeanPooled]
            : [logitsName];
    }

    public string Name { get; }

    public IReadOnlyList<string> Labels { get; }

    public ModelLanguages Languages { get; }

    public string TokenizerKey { get; }

    public ITextTokenizer Tokenizer => _tokenizer;

    /// <summary>The ONNX file this classifier runs.</summary>
    public string OnnxPath { get; }

    /// <summary>The device the session runs on (the CPU after a configured CUDA fallback).</summary>
    public InferenceDevice Device { get; }

    /// <summary>ONNX Runtime intra-op threads of the session.</summary>
    public int IntraOpThreads { get; }

    /// <summary>Why CUDA was not used although configured (fallback to the CPU); null otherwise.</summary>
    public string? FallbackReason { get; }

    /// <summary>Longest token sequence fed to the model, special tokens included.</summary>
    public int MaxSequenceLength => _maxSequenceLength;

    public static OnnxTextClassifier Load(string name, string directory, OnnxClassifierOptions? options = null)
    {
        options ??= new OnnxClassifierOptions();
        options.Validate();
        var folder = ModelFolder.Open(directory, options.Variant);
        var tokenizer = TokenizerLoader.Load(directory);
        using var plan = SessionFactory.Create(options);
        InferenceSession session;
        try
        {
            session = new InferenceSession(folder.OnnxPath, plan.Options);
        }
        catch (OnnxRuntimeException e) when (plan.Device.IsCuda)
        {
            throw SessionFactory.Explain(plan.Device, e);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelFolderException($"{folder.OnnxPath} could not be loaded by ONNX Runtime: {e.Message}", e);
        }

        try
        {
            return new OnnxTextClassifier(name, folder, tokenizer, session, options, plan);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public int[] Encode(string text) => _tokenizer.Encode(text, _maxSequenceLength);

    public void Dispose() => _session.Dispose();

    public IReadOnlyList<Prediction> Run(IReadOnlyList<int[]> encoded)
    {
        if (encoded.Count == 0)
        {
            return [];
        }

        var batch = PaddedBatch.Create(encoded, _tokenizer.PadTokenId);
        long[] shape = [encoded.Count, batch.SequenceLength];
        var values = new List<OrtValue>(_inputs.Length);
        try
        {
            foreach (var (input, int32) in _inputs)
            {
                var data = input switch
                {
                    "input_ids" => batch.InputIds,
                    "attention_mask" => batch.AttentionMask,
                    _ => new long[batch.InputIds.Length],
                };
                values.Add(int32
                    ? OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(data, v => (int)v), shape)
                    : OrtValue.CreateTensorValueFromMemory(data, shape));
            }

            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, [.. _inputs.Select(i => i.Name)], values, _outputNames);
            var logits = outputs[0].GetTensorDataAsSpan<float>();
            if (logits.Length != encoded.Count * Labels.Count)
            {
                throw new ModelFolderException(
                    $"Model '{Name}' returned {logits.Length} logits for {encoded.Count} texts, but {ModelConfig.FileName} names {Labels.Count} labels.");
            }

            var embeddings = outputs.Count > 1 ? outputs[1].GetTensorDataAsSpan<float>() : default;
            if (embeddings.Length % encoded.Count != 0)
            {
                throw new ModelFolderException($"Model '{Name}' returned {embeddings.Length} embedding values for {encoded.Count} texts.");
            }

            var width = Labels.Count;
            var dimensions = embeddings.Length / encoded.Count;
            var predictions = new Prediction[encoded.Count];
            for (var i = 0; i < encoded.Count; i++)
            {
                var embedding = dimensions > 0 ? embeddings.Slice(i * dimensions, dimensions).ToArray() : null;
                predictions[i] = Predictions.FromLogits(Labels, _problemType, logits.Slice(i * width, width).ToArray(), encoded[i].Length, embedding);
            }

            return predictions;
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }
}
