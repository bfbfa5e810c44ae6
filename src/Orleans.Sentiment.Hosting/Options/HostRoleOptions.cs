using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Hosting.Options;

/// <summary>What the process runs (configuration section "Host").</summary>
public sealed class HostRoleOptions
{
    public const string Section = "Host";
    public const string Silo = "silo";
    public const string Frontend = "frontend";

    /// <summary><c>silo</c> (default): a silo serving the HTTP API. <c>frontend</c>: the HTTP API only, joined to the cluster as an Orleans client.</summary>
    [RegularExpression("^(?i)(silo|frontend)$", ErrorMessage = "Host:Role must be 'silo' or 'frontend'.")]
    public string Role { get; set; } = Silo;

    public bool IsFrontend => string.Equals(Role, Frontend, StringComparison.OrdinalIgnoreCase);
}
