using System.Text.Json.Serialization;

namespace Orleans.Sentiment.Client.Load;

/// <summary>One silo's resident memory around a load run: before it, its peak, and after the pipeline settled and idled.</summary>
internal sealed record SiloMemory(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("startRssBytes")] long? StartRssBytes,
    [property: JsonPropertyName("peakRssBytes")] long? PeakRssBytes,
    [property: JsonPropertyName("idleRssBytes")] long? IdleRssBytes);
