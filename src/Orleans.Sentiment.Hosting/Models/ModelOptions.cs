using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Hosting.Models;

/// <summary>One model to serve (configuration array "Models").</summary>
public sealed class ModelOptions
{
    /// <summary>Key of this model's predictions; defaults to the folder name.</summary>
    public string? Name { get; set; }

    /// <summary>A model folder (Hugging Face layout), or a hub id such as <c>org/name</c> pulled into the Hugging Face cache on first start.</summary>
    [Required]
    public string Path { get; set; } = "";

    /// <summary>Branch, tag or commit of a hub id; default <c>main</c>.</summary>
    public string? Revision { get; set; }

    /// <summary>ONNX variant: empty for model.onnx, "quantized" for model_quantized.onnx.</summary>
    public string? Variant { get; set; }
}

/// <summary>How models run (configuration section "Inference").</summary>
public sealed class InferenceOptions
{
    public const string Section = "Inference";

    /// <summary>Most texts gathered into one model call across concurrent requests.</summary>
    [Range(1, 4096, ErrorMessage = "Inference:MaxBatchTexts must be between {1} and {2}.")]
    public int MaxBatchTexts { get; set; } = 64;

    /// <summary>ONNX Runtime threads per call; 0 lets it choose.</summary>
    [Range(0, 256, ErrorMessage = "Inference:IntraOpThreads must be between {1} and {2}.")]
    public int IntraOpThreads { get; set; }

    /// <summary>Folder for models the silo builds itself (the built-in models); empty uses the user's cache folder.</summary>
    public string? CacheDirectory { get; set; }
}
