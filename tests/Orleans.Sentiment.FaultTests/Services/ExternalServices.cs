namespace Orleans.Sentiment.FaultTests.Services;

/// <summary>Services started by someone else (SENTIMENT_REDIS=host:port, SENTIMENT_NATS=nats://host:port).</summary>
internal sealed class ExternalServices(string redis, string nats) : IClusterServices
{
    public const string RedisVariable = "SENTIMENT_REDIS";
    public const string NatsVariable = "SENTIMENT_NATS";

    public string Backend => $"external ({RedisVariable}, {NatsVariable})";

    public string RedisConnectionString => redis;

    public string NatsUrl => nats;

    public bool CanInjectFaults => false;

    public static ExternalServices? FromEnvironment()
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        var nats = Environment.GetEnvironmentVariable(NatsVariable);
        return string.IsNullOrWhiteSpace(redis) || string.IsNullOrWhiteSpace(nats) ? null : new ExternalServices(redis, nats);
    }

    public Task MakeRedisUnavailableAsync() => throw new NotSupportedException("Services given by environment variables cannot be faulted.");

    public Task RestoreRedisAsync() => throw new NotSupportedException("Services given by environment variables cannot be faulted.");

    public Task RestartNatsAsync() => throw new NotSupportedException("Services given by environment variables cannot be faulted.");

    public Task StopNatsAsync() => throw new NotSupportedException("Services given by environment variables cannot be faulted.");

    public Task StartNatsAsync() => throw new NotSupportedException("Services given by environment variables cannot be faulted.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
