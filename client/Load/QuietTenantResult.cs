using System.Text.Json.Serialization;

namespace Orleans.Sentiment.Client.Load;

/// <summary>The quiet tenant's waits from a 202 to its comment in the window, under the load.</summary>
internal sealed record QuietTenantResult(
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("probes")] int Probes,
    [property: JsonPropertyName("waitP50Ms")] double WaitP50Ms,
    [property: JsonPropertyName("waitP99Ms")] double WaitP99Ms,
    [property: JsonPropertyName("waitMaxMs")] double WaitMaxMs,
    [property: JsonPropertyName("refusedByStatus")] IReadOnlyDictionary<string, int> RefusedByStatus);
