using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains;

/// <summary>
/// What the process runs and how long it may take to stop (configuration section "Host"). Named apart from
/// Microsoft.Extensions.Hosting.HostOptions, whose shutdown timeout is set from <see cref="ShutdownTimeout"/>.
/// </summary>
public sealed class SentimentHostOptions
{
    public const string Section = "Host";
    public const string Silo = "silo";
    public const string Frontend = "frontend";

    /// <summary><c>silo</c> (default): a silo serving the HTTP API. <c>frontend</c>: the HTTP API only, joined to the cluster as an Orleans client.</summary>
    [RegularExpression("^(?i)(silo|frontend)$", ErrorMessage = "Host:Role must be 'silo' or 'frontend'.")]
    public string Role { get; set; } = Silo;

    /// <summary>How long a stopping process may take; most of it goes to draining accepted comments.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Host:ShutdownTimeout must be between {1} and {2}.")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsFrontend => string.Equals(Role, Frontend, StringComparison.OrdinalIgnoreCase);
}
