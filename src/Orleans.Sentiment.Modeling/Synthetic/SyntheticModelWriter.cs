using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>
/// Writes a model folder (onnx/model.onnx, config.json, tokenizer files) holding a randomly initialised
/// model of a real family's architecture, to measure throughput or test the runtime without weights.
/// </summary>
public static class SyntheticModelWriter
{
    /// <summary>Writes the folder and returns the weights it holds.</summary>
    public static SynthWeights Write(string directory, SyntheticModelRequest request)
    {
        var shape = request.Shape;
        shape.Validate();
        if (request.Labels.Count == 0 || request.Labels.Distinct(StringComparer.Ordinal).Count() != request.Labels.Count)
        {
            throw new ArgumentException("Labels must be given, each once.", nameof(request));
        }

        Directory.CreateDirectory(directory);
        if (request.TokenizerDirectory is { } tokenizer)
        {
            TokenizerFiles.Copy(tokenizer, directory);
            shape = shape with { VocabSize = TokenizerFiles.VocabularySize(directory) };
        }
        else if (shape.Family == TransformerFamily.Roberta)
        {
            throw new ArgumentException("A RoBERTa model needs its byte-level BPE tokenizer: give the tokenizer folder.", nameof(request));
        }
        else if (shape.Family == TransformerFamily.XlmRoberta)
        {
            GeneratedUnigramVocabulary.Write(directory, shape.VocabSize, Math.Min(512, shape.MaxPositions - shape.PadTokenId - 1));
        }
        else
        {
            GeneratedVocabulary.Write(directory, shape.VocabSize, Math.Min(512, shape.MaxPositions));
        }

        SpecialTokenDefaults.Complete(directory, shape.Family);

        var weights = SynthWeightsGenerator.Generate(shape, request.Labels, request.Initialization);
        var onnx = TransformerGraphWriter.Build(weights, request.Int32Inputs);
        var onnxPath = ModelFolderWriter.OnnxPath(directory);
        Directory.CreateDirectory(Path.GetDirectoryName(onnxPath)!);
        File.WriteAllBytes(onnxPath, onnx);
        ModelFolderWriter.WriteConfig(
            directory,
            request.Labels,
            request.MultiLabel ? ProblemType.MultiLabel : ProblemType.SingleLabel,
            HuggingFaceConfigFields.ModelType(shape.Family),
            HuggingFaceConfigFields.For(shape));
        return weights;
    }
}
