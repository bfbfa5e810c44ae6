using Orleans.Sentiment.Inference.Adapters;

namespace Orleans.Sentiment.Inference;

/// <summary>
/// Which models run on a text: some of the configured models (by index in the <see cref="ClassifierSet"/>) and tenant
/// models resolved to their active versions. A text without a selection runs every configured model, as before.
/// </summary>
public sealed class ModelSelection(IReadOnlyList<int> configured, IReadOnlyList<TenantModelRun> tenantModels)
{
    /// <summary>Indexes of the configured models to run.</summary>
    public IReadOnlyList<int> Configured { get; } = configured;

    public IReadOnlyList<TenantModelRun> TenantModels { get; } = tenantModels;

    /// <summary>
    /// Model passes the text costs, the unit of the batch token budget: the configured models count as one (as for a
    /// text without a selection), each tenant model as one more row of its shared encoder.
    /// </summary>
    public int Passes => Math.Max(1, (Configured.Count > 0 ? 1 : 0) + TenantModels.Count);
}
