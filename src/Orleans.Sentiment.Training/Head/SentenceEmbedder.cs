using Microsoft.ML.OnnxRuntime;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Training.Head;

/// <summary>
/// Mean-pooled sentence embeddings of a frozen pretrained encoder, computed with ONNX Runtime on the graph the
/// project's own writer builds from the encoder's weights, so training features and the exported model agree exactly.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    private const int BatchSize = 32;
    private readonly InferenceSession _session;
    private readonly bool _tokenTypes;

    public SentenceEmbedder(PretrainedEncoder encoder, int maxLength, int intraOpThreads = 0)
    {
        Encoder = encoder;
        Tokenizer = TokenizerLoader.Load(encoder.Directory);
        MaxLength = Math.Min(maxLength, Tokenizer.ModelMaxLength);
        var weights = EncoderWeights(encoder, ["embedding"]);
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = intraOpThreads };
        _session = new InferenceSession(TransformerGraphWriter.Build(weights, TransformerHead.MeanPooledEmbedding), options);
        _tokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
    }

    public PretrainedEncoder Encoder { get; }

    public ITextTokenizer Tokenizer { get; }

    public int MaxLength { get; }

    public int Dimensions => Encoder.Shape.Hidden;

    /// <summary>The encoder's weights as a graph-writer weight set with the given labels (no head yet).</summary>
    public static SynthWeights EncoderWeights(PretrainedEncoder encoder, IReadOnlyList<string> labels)
    {
        var weights = new SynthWeights(encoder.Shape, labels);
        foreach (var name in PretrainedEncoder.EncoderParameterNames(encoder.Shape, weights.Names))
        {
            weights.Set(name, encoder.Weights[name]);
        }

        return weights;
    }

    /// <summary>One embedding per text, in input order; texts are batched by token count to keep padding small.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var encoded = texts.Select(t => Tokenizer.Encode(t, MaxLength)).ToArray();
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => encoded[i].Length).ToArray();
        var result = new float[texts.Count][];
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order[start..Math.Min(order.Length, start + BatchSize)];
            var padded = PaddedBatch.Create([.. batch.Select(i => encoded[i])], Tokenizer.PadTokenId);
            long[] shape = [batch.Length, padded.SequenceLength];
            using var ids = OrtValue.CreateTensorValueFromMemory(padded.InputIds, shape);
            using var mask = OrtValue.CreateTensorValueFromMemory(padded.AttentionMask, shape);
            using var types = OrtValue.CreateTensorValueFromMemory(new long[padded.InputIds.Length], shape);
            using var runOptions = new RunOptions();
            var names = _tokenTypes ? new[] { "input_ids", "attention_mask", "token_type_ids" } : ["input_ids", "attention_mask"];
            var values = _tokenTypes ? new[] { ids, mask, types } : [ids, mask];
            using var outputs = _session.Run(runOptions, names, values, [TransformerGraphWriter.EmbeddingOutput]);
            var data = outputs[0].GetTensorDataAsSpan<float>();
            for (var row = 0; row < batch.Length; row++)
            {
                result[batch[row]] = data.Slice(row * Dimensions, Dimensions).ToArray();
            }

            progress?.Report(Math.Min(order.Length, start + BatchSize));
        }

        return result;
    }

    public void Dispose() => _session.Dispose();
}
