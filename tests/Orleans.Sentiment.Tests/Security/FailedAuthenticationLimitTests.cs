using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Silo.Auth;

namespace Orleans.Sentiment.Tests.Security;

public sealed class FailedAuthenticationLimitTests
{
    private static readonly IPAddress Guesser = IPAddress.Parse("192.0.2.7");

    [Fact]
    public void Blocked_BeforeTheLimitIsReached_LetsTheAddressPresentKeys()
    {
        using var limit = Create(perMinute: 3);

        limit.Refused(Guesser, "test");
        limit.Refused(Guesser, "test");

        Assert.Null(limit.Blocked(Guesser));
    }

    [Fact]
    public void Blocked_OnceTheLimitIsReached_BlocksThatAddressOnlyAndSaysHowLong()
    {
        using var limit = Create(perMinute: 2);

        limit.Refused(Guesser, "test");
        limit.Refused(Guesser, "test");

        Assert.Equal(TimeSpan.FromSeconds(30), limit.Blocked(Guesser));
        Assert.Null(limit.Blocked(IPAddress.Parse("192.0.2.8")));
    }

    [Fact]
    public void Blocked_WhileTheRefillIsAFractionOfAToken_StaysBlocked()
    {
        // One token a minute. The bucket refills in fractions every tenth of a second: a check that let any fraction
        // through unblocked the address for good after the first tick, because a refusal takes only whole tokens.
        using var limit = Create(perMinute: 1);
        limit.Refused(Guesser, "test");

        // This asserts that a state holds over time (ten refill ticks), so it watches the clock instead of a state.
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(1))
        {
            Assert.NotNull(limit.Blocked(Guesser));
            Thread.Yield();
        }
    }

    [Fact]
    public void Blocked_LimitOff_NeverBlocks()
    {
        using var limit = Create(perMinute: 0);

        limit.Refused(Guesser, "test");

        Assert.Null(limit.Blocked(Guesser));
    }

    private static FailedAuthenticationLimit Create(int perMinute) =>
        new(Options.Create(new AuthOptions { FailedAuthenticationsPerMinute = perMinute }), NullLogger<FailedAuthenticationLimit>.Instance);
}
