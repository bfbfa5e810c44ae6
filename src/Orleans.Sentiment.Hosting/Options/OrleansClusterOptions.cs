using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Orleans.Sentiment.Hosting.Options;

/// <summary>Cluster identity and endpoints of the silo (configuration section "Orleans").</summary>
public sealed class OrleansClusterOptions : IValidatableObject
{
    public const string Section = "Orleans";

    /// <summary>Silos and clients with the same cluster id form one cluster.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "Orleans:ClusterId must be 1 to 64 letters, digits, '.', '_' or '-'.")]
    public string ClusterId { get; set; } = "orleans-sentiment";

    /// <summary>Keys persisted state; keep it stable across deployments.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "Orleans:ServiceId must be 1 to 64 letters, digits, '.', '_' or '-'.")]
    public string ServiceId { get; set; } = "orleans-sentiment";

    /// <summary>Address other silos and clients use to reach this silo (production); loopback when empty.</summary>
    public string? AdvertisedIP { get; set; }

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535, ErrorMessage = "Orleans:SiloPort must be between {1} and {2}.")]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    [Range(1, 65535, ErrorMessage = "Orleans:GatewayPort must be between {1} and {2}.")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Run under Microsoft.Orleans.Hosting.Kubernetes (production profile): the silo takes its name, advertised
    /// address and cluster identity from the pod (POD_NAME, POD_NAMESPACE, POD_IP, ORLEANS_CLUSTER_ID,
    /// ORLEANS_SERVICE_ID), and declares the silos of deleted pods dead at once.
    /// </summary>
    public bool KubernetesHosting { get; set; }

    /// <summary>The pod variables Kubernetes hosting reads; each must be set when it is on.</summary>
    public static readonly string[] KubernetesVariables = ["POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_CLUSTER_ID", "ORLEANS_SERVICE_ID"];

    public IPAddress AdvertisedAddress => string.IsNullOrWhiteSpace(AdvertisedIP) ? IPAddress.Loopback : IPAddress.Parse(AdvertisedIP);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(AdvertisedIP) && !IPAddress.TryParse(AdvertisedIP, out _))
        {
            yield return new ValidationResult($"Orleans:AdvertisedIP '{AdvertisedIP}' is not an IP address.", [nameof(AdvertisedIP)]);
        }

        if (KubernetesHosting && KubernetesVariables.Where(v => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v))).ToArray() is { Length: > 0 } missing)
        {
            yield return new ValidationResult(
                $"Orleans:KubernetesHosting is on but {string.Join(", ", missing)} {(missing.Length == 1 ? "is" : "are")} not set (the pod spec in k8s/base sets them from the downward API).",
                [nameof(KubernetesHosting)]);
        }

        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult("Orleans:SiloPort and Orleans:GatewayPort must differ.", [nameof(SiloPort), nameof(GatewayPort)]);
        }
    }
}
