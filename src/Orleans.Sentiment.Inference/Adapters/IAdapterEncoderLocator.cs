namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>
/// Finds (building it on first use) the folder of a base model's shared encoder with a LoRA bank: <c>onnx/model.onnx</c>
/// with the bank inputs and pooled outputs of <see cref="AdapterGraphNames"/>, and the base model's tokenizer files.
/// </summary>
public interface IAdapterEncoderLocator
{
    /// <param name="baseModel">A model reference as the CLI accepts (<c>builtin:minilm</c>, a folder, a hub id).</param>
    /// <param name="cancellationToken">Stops a pull or a build.</param>
    Task<string> LocateAsync(string baseModel, CancellationToken cancellationToken);
}
