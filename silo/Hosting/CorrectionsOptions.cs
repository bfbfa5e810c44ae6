namespace Orleans.Sentiment.Silo.Hosting;

/// <summary>Where human-corrected labels are kept (configuration section "Corrections").</summary>
public sealed class CorrectionsOptions
{
    public const string Section = "Corrections";

    /// <summary>Folder of the per-tenant corrections files; empty uses the user's local app-data folder.</summary>
    public string? Directory { get; set; }

    public string ResolvedDirectory => string.IsNullOrWhiteSpace(Directory)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "orleans-sentiment", "corrections")
        : Directory;
}
