namespace Orleans.Sentiment.Modeling.Catalog;

/// <summary>One model to serve: the name its predictions are keyed by, where it comes from, and its ONNX variant.</summary>
/// <param name="Name">Key of the model's predictions.</param>
/// <param name="Reference">Where the model comes from.</param>
/// <param name="What">The setting or option that named it, for messages (<c>Models:0:Path</c>, <c>--model</c>).</param>
/// <param name="Revision">Branch, tag or commit of a hub id.</param>
/// <param name="Variant">ONNX variant: null for model.onnx, <c>quantized</c> for model_quantized.onnx.</param>
public sealed record ServedModel(string Name, ModelReference Reference, string What, string? Revision = null, string? Variant = null);
