using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Orleans.Sentiment.Inference.Tokenization;

namespace Orleans.Sentiment.Inference;

/// <summary>
/// Runs a Hugging Face sequence-classification model exported to ONNX. Each batch is padded to its
/// longest text only. <see cref="InferenceSession.Run(IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string}, RunOptions)"/>
/// is safe to call concurrently on CPU, so one instance serves all callers.
/// </summary>
public sealed class OnnxTextClassifier : ITextClassifier
{
    private readonly InferenceSession _session;
    private readonly ITextTokenizer _tokenizer;
    private readonly ProblemType _problemType;
    private readonly int _maxBatchSize;
    private readonly int _maxSequenceLength;
    private readonly string[] _inputNames;
    private readonly string _outputName;
    private readonly bool _int32Inputs;

    private OnnxTextClassifier(string name, ModelFolder folder, ITextTokenizer tokenizer, InferenceSession session, OnnxClassifierOptions options)
    {
        Name = name;
        Labels = folder.Config.Labels;
        _problemType = folder.Config.ProblemType;
        _tokenizer = tokenizer;
        _session = session;
        _maxBatchSize = Math.Max(1, options.MaxBatchSize);
        _maxSequenceLength = Math.Min(options.MaxSequenceLength ?? tokenizer.ModelMaxLength, folder.Config.MaxPositionEmbeddings ?? int.MaxValue);

        var inputs = session.InputMetadata;
        foreach (var required in new[] { "input_ids", "attention_mask" })
        {
            if (!inputs.ContainsKey(required))
            {
                throw new ModelFolderException($"{folder.OnnxPath} has no '{required}' input (inputs: {string.Join(", ", inputs.Keys)}).");
            }
        }

        _inputNames = inputs.ContainsKey("token_type_ids") ? ["input_ids", "attention_mask", "token_type_ids"] : ["input_ids", "attention_mask"];
        _int32Inputs = inputs["input_ids"].ElementDataType == TensorElementType.Int32;
        _outputName = session.OutputMetadata.ContainsKey("logits") ? "logits" : session.OutputMetadata.Keys.First();
        var width = session.OutputMetadata[_outputName].Dimensions.LastOrDefault();
        if (width > 0 && width != Labels.Count)
        {
            throw new ModelFolderException(
                $"{folder.OnnxPath} outputs {width} logits but config.json names {Labels.Count} labels.");
        }
    }

    public string Name { get; }

    public IReadOnlyList<string> Labels { get; }

    public ITextTokenizer Tokenizer => _tokenizer;

    public static OnnxTextClassifier Load(string name, string directory, OnnxClassifierOptions? options = null)
    {
        options ??= new OnnxClassifierOptions();
        var folder = ModelFolder.Open(directory, options.Variant);
        var tokenizer = TokenizerLoader.Load(directory);
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = options.IntraOpThreads,
        };
        InferenceSession session;
        try
        {
            session = new InferenceSession(folder.OnnxPath, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelFolderException($"{folder.OnnxPath} could not be loaded by ONNX Runtime: {e.Message}", e);
        }

        try
        {
            return new OnnxTextClassifier(name, folder, tokenizer, session, options);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public IReadOnlyList<Prediction> Classify(IReadOnlyList<string> texts)
    {
        var results = new List<Prediction>(texts.Count);
        for (var start = 0; start < texts.Count; start += _maxBatchSize)
        {
            var count = Math.Min(_maxBatchSize, texts.Count - start);
            var encoded = new int[count][];
            for (var i = 0; i < count; i++)
            {
                encoded[i] = _tokenizer.Encode(texts[start + i], _maxSequenceLength);
            }

            results.AddRange(RunBatch(encoded));
        }

        return results;
    }

    public void Dispose() => _session.Dispose();

    private Prediction[] RunBatch(int[][] encoded)
    {
        var batch = PaddedBatch.Create(encoded, _tokenizer.PadTokenId);
        long[] shape = [encoded.Length, batch.SequenceLength];
        var values = new List<OrtValue>(_inputNames.Length);
        try
        {
            foreach (var input in _inputNames)
            {
                var data = input switch
                {
                    "input_ids" => batch.InputIds,
                    "attention_mask" => batch.AttentionMask,
                    _ => new long[batch.InputIds.Length],
                };
                values.Add(_int32Inputs
                    ? OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(data, v => (int)v), shape)
                    : OrtValue.CreateTensorValueFromMemory(data, shape));
            }

            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, _inputNames, values, [_outputName]);
            var logits = outputs[0].GetTensorDataAsSpan<float>();
            var width = logits.Length / encoded.Length;
            if (width != Labels.Count)
            {
                throw new ModelFolderException($"Model '{Name}' returned {width} logits per text but has {Labels.Count} labels.");
            }

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
