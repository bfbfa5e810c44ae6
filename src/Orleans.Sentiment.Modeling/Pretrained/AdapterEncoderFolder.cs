using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Modeling.Pretrained;

/// <summary>
/// A base encoder as one session shared by many tenants' LoRA adapters: <c>onnx/model.onnx</c> written by
/// <see cref="TransformerGraphWriter.BuildAdapterEncoder"/> (the query/value bank at <see cref="LoraBankLayout.DefaultRank"/>),
/// the base model's tokenizer files and its config.json. Built once into the model cache, in a folder named by a hash
/// of the base folder's path and weights size, the bank and this writer's version.
/// </summary>
public static class AdapterEncoderFolder
{
    /// <summary>Bump when the written graph changes.</summary>
    public const int WriterVersion = 1;

    /// <summary>Returns the folder for <paramref name="baseFolder"/>, writing it first when the cache lacks it.</summary>
    public static string Ensure(string baseFolder, string cacheDirectory, int rank = LoraBankLayout.DefaultRank)
    {
        var weights = new FileInfo(Path.Combine(baseFolder, PretrainedEncoder.WeightsFileName));
        var key = $"{Path.GetFullPath(baseFolder)}|{(weights.Exists ? weights.Length : 0)}|r{rank}|v{WriterVersion}";
        var name = $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseFolder)))}-lora-bank-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12]}";
        var folder = Path.Combine(Path.GetFullPath(cacheDirectory), name);
        if (!Directory.Exists(folder))
        {
            var encoder = PretrainedEncoder.Load(baseFolder);
            StagedFolder.Create(folder, staging => Write(staging, encoder, LoraBankLayout.QueryValue(encoder.Shape, rank)));
        }

        return folder;
    }

    /// <summary>Writes the shared encoder of <paramref name="encoder"/> with <paramref name="bank"/> into <paramref name="directory"/>.</summary>
    public static void Write(string directory, PretrainedEncoder encoder, LoraBankLayout bank)
    {
        var weights = new SynthWeights(encoder.Shape, []);
        foreach (var name in PretrainedEncoder.EncoderParameterNames(encoder.Shape, weights.Names))
        {
            weights.Set(name, encoder.Weights[name]);
        }

        var onnx = ModelFolderWriter.OnnxPath(directory);
        Directory.CreateDirectory(Path.GetDirectoryName(onnx)!);
        File.WriteAllBytes(onnx, TransformerGraphWriter.BuildAdapterEncoder(weights, bank));
        TokenizerFiles.Copy(encoder.Directory, directory);
        SpecialTokenDefaults.Complete(directory, encoder.Shape.Family);
        var config = HuggingFaceConfigFields.For(encoder.Shape);
        config["model_type"] = HuggingFaceConfigFields.ModelType(encoder.Shape.Family);
        File.WriteAllText(Path.Combine(directory, "config.json"), config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
