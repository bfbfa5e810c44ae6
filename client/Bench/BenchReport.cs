using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Sentiment.Client.Bench;

/// <summary>One measured configuration: comments/s and its ratio to offline fp32 classification.</summary>
internal sealed record BenchRow(string Name, double CommentsPerSecond, double RatioToOfflineFp32, string Detail);

/// <summary>The whole run, as <c>bench --json</c> writes it.</summary>
internal sealed record BenchReport(
    MachineInfo Machine,
    string Model,
    int Texts,
    double MeanTokens,
    int IntraOpThreads,
    int BatchSize,
    IReadOnlyList<BenchRow> Rows,
    Agreement? Int8Agreement,
    IReadOnlyDictionary<string, long> ResidentBytesPerModel,
    long? SiloResidentBytes,
    IReadOnlyDictionary<string, double> TransformersJsByBatch,
    IReadOnlyList<string> Notes)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}
