namespace Orleans.Sentiment.FaultTests.Services;

/// <summary>Chooses the backend: environment endpoints, else local binaries, else Testcontainers; or says why none runs.</summary>
internal static class ClusterServices
{
    private static readonly Lazy<string?> SkipReasonValue = new(FindSkipReason);

    /// <summary>Why no backend can run here (the tests skip with this message), or null.</summary>
    public static string? SkipReason => SkipReasonValue.Value;

    public static bool ExternalOnly => ExternalServices.FromEnvironment() is not null;

    public static async Task<IClusterServices> StartAsync()
    {
        if (ExternalServices.FromEnvironment() is { } external)
        {
            return external;
        }

        return ProcessServices.Unavailable() is null ? await ProcessServices.StartAsync() : await ContainerServices.StartAsync();
    }

    private static string? FindSkipReason()
    {
        if (ExternalServices.FromEnvironment() is not null)
        {
            return null;
        }

        var processes = ProcessServices.Unavailable();
        if (processes is null)
        {
            return null;
        }

        var containers = ContainerServices.Unavailable();
        return containers is null ? null : $"Fault tests need Redis and NATS JetStream: {processes}, and {containers}; or set {ExternalServices.RedisVariable} and {ExternalServices.NatsVariable}.";
    }
}

/// <summary>A fault test: skipped with the reason when no Redis/NATS backend can run, or when it must inject faults into services it does not control.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FaultFactAttribute : FactAttribute
{
    public FaultFactAttribute(bool injectsServiceFaults = false)
    {
        if (ClusterServices.SkipReason is { } reason)
        {
            Skip = reason;
        }
        else if (injectsServiceFaults && ClusterServices.ExternalOnly)
        {
            Skip = $"This test stops Redis or NATS, which it cannot do to services given by {ExternalServices.RedisVariable}/{ExternalServices.NatsVariable}.";
        }
    }
}
