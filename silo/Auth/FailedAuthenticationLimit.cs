using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Orleans.Sentiment.Silo.Auth;

/// <summary>
/// <c>Auth:FailedAuthenticationsPerMinute</c>: a token bucket per client address (<see cref="ClientAddress"/>) that
/// each refused key takes one token from, refilled evenly over the minute. While an address's bucket is empty, its
/// requests that present a key are refused before the key is looked up, so guessing keys costs the silo nothing
/// beyond the rate. Requests without a key carry no guess and are not counted. Buckets are per process.
/// </summary>
internal sealed partial class FailedAuthenticationLimit : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress>? _limiter;
    private readonly ILogger<FailedAuthenticationLimit> _logger;
    private readonly TimeSpan _period;

    public FailedAuthenticationLimit(IOptions<AuthOptions> options, ILogger<FailedAuthenticationLimit> logger)
    {
        _logger = logger;
        PerMinute = options.Value.FailedAuthenticationsPerMinute;
        _period = PerMinute == 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(1) / PerMinute;
        _limiter = PerMinute == 0
            ? null
            : PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = PerMinute,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = _period,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public int PerMinute { get; }

    /// <summary>Null while the address may still present keys, else how long until it may again.</summary>
    public TimeSpan? Blocked(IPAddress address)
    {
        if (_limiter is null)
        {
            return null;
        }

        // A whole token must be left. The bucket refills in fractions between ticks, and a probe for zero tokens is
        // granted for any fraction above zero, while a refusal can only take a whole one: an address probed that way
        // was let through, uncounted, from the first tick after its bucket emptied.
        if (_limiter.GetStatistics(address)?.CurrentAvailablePermits >= 1)
        {
            return null;
        }

        // A whole token is at most one refill period away.
        return _period;
    }

    /// <summary>Counts a refused key against its address, in one log line that names the reason, never the key.</summary>
    public void Refused(IPAddress address, string reason)
    {
        LogRefused(_logger, address, reason);
        _limiter?.AttemptAcquire(address, 1).Dispose();
    }

    public void Dispose() => _limiter?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused the API key presented from {Address}: {Reason}")]
    private static partial void LogRefused(ILogger logger, IPAddress address, string reason);
}
