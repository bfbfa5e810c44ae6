using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Hosting.Options;
using Orleans.Sentiment.Hosting.Streams;
using StackExchange.Redis;

namespace Orleans.Sentiment.Hosting.Storage;

/// <summary>
/// Whether Redis (grain storage and cluster membership in the production profile) answers. One PING at a time,
/// its answer reused for <see cref="CacheFor"/>, so a burst of requests costs one round trip. Ingestion refuses
/// batches (503) while Redis is down, and readiness reports it.
/// </summary>
internal sealed partial class RedisAvailability(IOptions<RedisOptions> options, ILogger<RedisAvailability> logger) : IIngestionAvailability, IAsyncDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => Connect(options.Value.ConnectionString!));
    private readonly Lock _lock = new();
    private Task<string?>? _probe;
    private long _probeStarted;
    private bool _wasDown;

    public ValueTask<string?> CheckAsync(CancellationToken cancellationToken = default)
    {
        Task<string?> probe;
        lock (_lock)
        {
            if (_probe is null || (_probe.IsCompleted && Environment.TickCount64 - _probeStarted > CacheFor.TotalMilliseconds))
            {
                _probeStarted = Environment.TickCount64;
                _probe = PingAsync();
            }

            probe = _probe;
        }

        return new ValueTask<string?>(probe.WaitAsync(cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }

    private async Task<string?> PingAsync()
    {
        try
        {
            var connection = await _connection.Value;
            await connection.GetDatabase().PingAsync().WaitAsync(PingTimeout);
            if (_wasDown)
            {
                _wasDown = false;
                LogRecovered(logger);
            }

            return null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            if (!_wasDown)
            {
                _wasDown = true;
                LogDown(logger, e.GetType().Name);
            }

            return "Grain storage (Redis) is unreachable; nothing of this batch was accepted. Retry later with the same ids.";
        }
    }

    private static async Task<ConnectionMultiplexer> Connect(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = (int)PingTimeout.TotalMilliseconds;
        configuration.ClientName = "orleans-sentiment-probe";
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis does not answer ({Error}); ingestion answers 503 until it does")]
    private static partial void LogDown(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis answers again; ingestion accepts batches")]
    private static partial void LogRecovered(ILogger logger);
}
