using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Silo.Hosting;

/// <summary>Where the embedded silo listens (configuration section "Orleans").</summary>
public sealed class OrleansHostingOptions
{
    public const string Section = "Orleans";

    /// <summary>Silo-to-silo port on loopback.</summary>
    [Range(1, 65535, ErrorMessage = "Orleans:SiloPort must be between {1} and {2}.")]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port on loopback.</summary>
    [Range(1, 65535, ErrorMessage = "Orleans:GatewayPort must be between {1} and {2}.")]
    public int GatewayPort { get; set; } = 30000;
}
