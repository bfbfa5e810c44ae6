using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Hosting;
using Orleans.Streaming.NATS;

namespace Orleans.Sentiment.ClusterTests.Hosting;

/// <summary>
/// How much of the JetStream stream a silo pulls at once: the consumer's max-ack-pending and the pulling agent's cache
/// follow Nats:MaxAckPending, so processed messages are acknowledged in small groups, long before the 30 s ack wait.
/// Read from the silo's built (not started) services: nothing connects to Redis or NATS.
/// </summary>
public sealed class NatsConsumerSettingsTests
{
    [Theory]
    [InlineData(null, 32)]
    [InlineData("12", 12)]
    public void AddSentiment_Production_PullsAndCachesAtMostMaxAckPendingMessagesPerPartition(string? setting, int expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cluster:Profile"] = "production",
            ["Redis:ConnectionString"] = "127.0.0.1:1",
            ["Nats:Url"] = "nats://127.0.0.1:1",
        };
        if (setting is not null)
        {
            settings["Nats:MaxAckPending"] = setting;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.AddSentiment().UseLocalhostClustering());
        using var host = builder.Build();

        var nats = host.Services.GetRequiredService<IOptionsMonitor<NatsOptions>>().Get(Constants.StreamProviderName);
        var cache = host.Services.GetRequiredService<IOptionsMonitor<SimpleQueueCacheOptions>>().Get(Constants.StreamProviderName);

        Assert.Equal(expected, nats.BatchSize);
        Assert.Equal(expected, cache.CacheSize);
    }
}
