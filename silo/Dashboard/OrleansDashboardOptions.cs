using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Silo.Dashboard;

/// <summary>The Orleans dashboard (Microsoft.Orleans.Dashboard), configuration section "Dashboard:Orleans".</summary>
public sealed class OrleansDashboardOptions
{
    public const string Section = "Dashboard:Orleans";

    /// <summary>Mounts the Orleans dashboard; off by default. Only the admin key reaches it.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where it is mounted.</summary>
    [RegularExpression("^/[A-Za-z0-9._~/-]*[A-Za-z0-9._~-]$", ErrorMessage = "Dashboard:Orleans:Path must be an absolute path such as /orleans-dashboard (no trailing slash).")]
    public string Path { get; set; } = "/orleans-dashboard";
}
