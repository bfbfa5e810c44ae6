using Microsoft.Extensions.Options;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.Sentiment.Modeling.Catalog;
using Orleans.Sentiment.Modeling.Pretrained;

namespace Orleans.Sentiment.Hosting.Models;

/// <summary>
/// The silo's shared encoders for tenant models: the base model a version names (<c>builtin:minilm</c>, a folder with
/// model.safetensors or a hub id) is located as <c>train --base</c> locates it, and its LoRA-bank graph is built once
/// into <c>Inference:CacheDirectory</c>.
/// </summary>
internal sealed class AdapterEncoderLocator(IOptions<InferenceOptions> inference) : IAdapterEncoderLocator
{
    public async Task<string> LocateAsync(string baseModel, CancellationToken cancellationToken)
    {
        var locator = new ModelLocator(inference.Value.CacheDirectory);
        var reference = ModelReference.Parse(baseModel, "the tenant model's base model");
        var folder = await locator.LocateBaseEncoderAsync(reference, "the tenant model's base model", cancellationToken: cancellationToken).ConfigureAwait(false);
        return AdapterEncoderFolder.Ensure(folder, locator.CacheDirectory);
    }
}
