using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains.TenantModels;

/// <summary>Quotas and the evaluation gate of tenant models (configuration section "Training").</summary>
public sealed class TenantModelOptions
{
    public const string Section = "Training";

    /// <summary>Models one tenant may define; one more is refused with 429.</summary>
    [Range(1, 10_000, ErrorMessage = "Training:MaxModelsPerTenant must be between {1} and {2}.")]
    public int MaxModelsPerTenant { get; set; } = 20;

    /// <summary>Trained versions kept per model; beyond it the oldest that does not serve is retired and its artifact deleted.</summary>
    [Range(1, 1_000, ErrorMessage = "Training:MaxVersionsKept must be between {1} and {2}.")]
    public int MaxVersionsKept { get; set; } = 10;

    /// <summary>Examples and corrections one model may hold; an addition past it is refused with 429.</summary>
    [Range(10, 1_000_000, ErrorMessage = "Training:MaxExamplesPerModel must be between {1} and {2}.")]
    public int MaxExamplesPerModel { get; set; } = 20_000;

    /// <summary>
    /// How much lower than the serving version's a new version's held-out macro-F1 may be and still be activated
    /// (without force). 0.02 lets noise through and stops a real regression.
    /// </summary>
    [Range(0.0, 1.0, ErrorMessage = "Training:MaxRegression must be between {1} and {2}.")]
    public double MaxRegression { get; set; } = 0.02;
}
