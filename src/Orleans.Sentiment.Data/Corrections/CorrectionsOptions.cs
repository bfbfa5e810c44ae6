using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Data.Corrections;

/// <summary>Where human-corrected labels are kept (configuration section "Corrections").</summary>
public sealed class CorrectionsOptions
{
    public const string Section = "Corrections";

    /// <summary>Folder of the per-tenant corrections files; empty uses the user's local app-data folder.</summary>
    public string? Directory { get; set; }

    /// <summary>Most corrections kept per tenant; further ones are refused with 429.</summary>
    [Range(1, 100_000_000, ErrorMessage = "Corrections:MaxPerTenant must be between {1} and {2}.")]
    public int MaxPerTenant { get; set; } = 100_000;

    public string ResolvedDirectory => string.IsNullOrWhiteSpace(Directory)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "orleans-sentiment", "corrections")
        : Directory;
}
