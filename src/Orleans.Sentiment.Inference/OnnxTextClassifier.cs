using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Orleans.Sentiment.Inference.Execution;
using Orleans.Sentiment.Inference.Tokenization;

namespace Orleans.Sentiment.Inference;

/// <summary>
/// Runs a Hugging Face sequence-classification model exported to ONNX. Texts are grouped by token count
/// and each batch is padded to its longest text only (dynamic padding).
/// <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// is safe to call concurrently on CPU, so one instance serves all callers.
/// </summary>
public sealed class OnnxTextClassifier : ITextClassifier
{
    private static readonly string[] RequiredInputs = ["input_ids", "attention_mask"];
    private readonly InferenceSession _session;
    private readonly ITextTokenizer _tokenizer;
    private readonly ProblemType _problemType;
    private readonly int _maxBatchSize;
    private readonly int _maxBatchTokens;
    private readonly int _maxSequenceLength;
    private readonly (string Name, bool Int32)[] _inputs;
    private readonly string _outputName;

    private OnnxTextClassifier(string name, ModelFolder folder, ITextTokenizer tokenizer, InferenceSession session, OnnxClassifierOptions options, SessionPlan plan)
    {
        Name = name;
        OnnxPath = folder.OnnxPath;
        Device = plan.Device;
        IntraOpThreads = plan.IntraOpThreads;
        FallbackReason = plan.FallbackReason;
        _maxBatchTokens = options.MaxBatchTokens;
        Labels = folder.Config.Labels;
        _problemType = folder.Config.ProblemType;
        _tokenizer = tokenizer;
        _session = session;
        _maxBatchSize = options.MaxBatchSize;
        _maxSequenceLength = Math.Min(options.MaxSequenceLength ?? tokenizer.ModelMaxLength, folder.Config.MaxSequenceLength ?? int.MaxValue);

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

        _outputName = session.OutputMetadata.ContainsKey("logits") ? "logits" : session.OutputMetadata.Keys.First();
        var width = session.OutputMetadata[_outputName].Dimensions.LastOrDefault();
        if (width > 0 && width != Labels.Count)
        {
            throw new ModelFolderException(
                $"{folder.OnnxPath} outputs {width} logits but {ModelConfig.FileName} names {Labels.Count} labels in id2label.");
        }
    }

    public string Name { get; }

    public IReadOnlyList<string> Labels { get; }

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

    public IReadOnlyList<Prediction> Classify(IReadOnlyList<string> texts)
    {
        var encoded = new int[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            encoded[i] = _tokenizer.Encode(texts[i], _maxSequenceLength);
        }

        // Batching texts of similar length keeps padding small; results go back to input order.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => encoded[i].Length).ToArray();
        var results = new Prediction[texts.Count];
        var start = 0;
        while (start < order.Length)
        {
            var count = BatchLength(order, start, encoded);
            var batch = order.AsSpan(start, count).ToArray();
            var predictions = RunBatch([.. batch.Select(i => encoded[i])]);
            for (var i = 0; i < batch.Length; i++)
            {
                results[batch[i]] = predictions[i];
            }

            start += count;
        }

        return results;
    }

    public int CountTokens(string text) => _tokenizer.Encode(text, _maxSequenceLength).Length;

    /// <summary>Texts from <paramref name="start"/> (in ascending length) that fit one call: at most the batch size and the token budget.</summary>
    private int BatchLength(int[] order, int start, int[][] encoded)
    {
        var count = 0;
        while (start + count < order.Length && count < _maxBatchSize)
        {
            // Sorted ascending, so the candidate is the longest so far and sets the padded width.
            var padded = (count + 1) * encoded[order[start + count]].Length;
            if (count > 0 && _maxBatchTokens > 0 && padded > _maxBatchTokens)
            {
                break;
            }

            count++;
        }

        return count;
    }

    public void Dispose() => _session.Dispose();

    private Prediction[] RunBatch(int[][] encoded)
    {
        var batch = PaddedBatch.Create(encoded, _tokenizer.PadTokenId);
        long[] shape = [encoded.Length, batch.SequenceLength];
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
            using var outputs = _session.Run(runOptions, [.. _inputs.Select(i => i.Name)], values, [_outputName]);
            var logits = outputs[0].GetTensorDataAsSpan<float>();
            if (logits.Length != encoded.Length * Labels.Count)
            {
                throw new ModelFolderException(
                    $"Model '{Name}' returned {logits.Length} logits for {encoded.Length} texts, but {ModelConfig.FileName} names {Labels.Count} labels.");
            }

            var width = Labels.Count;
            var predictions = new Prediction[encoded.Length];
            for (var i = 0; i < encoded.Length; i++)
            {
                predictions[i] = ToPrediction(logits.Slice(i * width, width).ToArray(), encoded[i].Length);
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

    private Prediction ToPrediction(float[] logits, int tokenCount)
    {
        var probabilities = _problemType == ProblemType.MultiLabel ? Activations.Sigmoid(logits) : Activations.Softmax(logits);
        var best = 0;
        var scores = new Dictionary<string, float>(Labels.Count);
        for (var i = 0; i < probabilities.Length; i++)
        {
            scores[Labels[i]] = probabilities[i];
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        return new Prediction(Labels[best], probabilities[best], scores, logits, tokenCount);
    }
}
