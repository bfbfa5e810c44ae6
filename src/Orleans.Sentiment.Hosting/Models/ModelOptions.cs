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
