using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Hosting.Kubernetes;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Hosting.Options;
using Orleans.Sentiment.Hosting.Storage;
using Orleans.Sentiment.Hosting.Streams;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.Streaming.NATS;
using Orleans.Streaming.NATS.Hosting;
using StackExchange.Redis;

namespace Orleans.Sentiment.Hosting;

/// <summary>
/// The production profile's providers: Redis clustering and grain storage, the NATS JetStream comment stream
/// (guarded so a 202 means JetStream acknowledged), and the Redis probe that turns ingestion away while
/// storage is down.
/// </summary>
internal static class ProductionProviders
{
    /// <summary>Names of the grain storages: the pipeline's state and the stream pub-sub state.</summary>
    public static readonly string[] StorageNames = [Constants.StorageName, "PubSubStore"];

    public static void AddStorageAndStreams(ISiloBuilder silo, SentimentSettings settings)
    {
        foreach (var name in StorageNames)
        {
            silo.AddRedisGrainStorage(name, options => options.Configure<Serializer>((o, serializer) =>
            {
                o.ConfigurationOptions = RedisConfiguration(settings.Redis.ConnectionString!);
                // The pipeline's state keeps private fields (dedupe ids, windows); only Orleans' own serializer keeps them.
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        }

        silo.AddNatsStreams(Constants.StreamProviderName, stream => stream
            .ConfigureNats(options => options.Configure(o => ConfigureNats(o, settings)))
            .ConfigurePartitioning(settings.Nats.Partitions)
            // The cache acknowledges a tenth of its size at a time, and only once no consumer is still on any of those
            // messages: a cache as large as what may be pending acknowledges each message soon after it is processed.
            .ConfigureCache(settings.Nats.MaxAckPending)
            .ConfigurePullingAgent(options => options.Configure(StreamDelivery.Configure)));
        AddIngestionGuard(silo.Services);
    }

    public static void AddClientStreams(IClientBuilder client, SentimentSettings settings)
    {
        client.AddNatsStreams(Constants.StreamProviderName, stream => stream
            .ConfigureNats(options => options.Configure(o => ConfigureNats(o, settings)))
            .ConfigurePartitioning(settings.Nats.Partitions));
        AddIngestionGuard(client.Services);
    }

    public static void UseClustering(ISiloBuilder silo, SentimentSettings settings)
    {
        silo.UseRedisClustering(o => o.ConfigurationOptions = RedisConfiguration(settings.Redis.ConnectionString!));
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.Endpoints.ClusterId;
            o.ServiceId = settings.Endpoints.ServiceId;
        });
        var endpoints = settings.Endpoints;
        if (endpoints.KubernetesHosting)
        {
            // Ports as configured; the pod's IP, name and the cluster labels come from the package.
            silo.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (endpoints.SiloPort, endpoints.GatewayPort));
            silo.UseKubernetesHosting();
        }
        else if (string.IsNullOrWhiteSpace(endpoints.AdvertisedIP))
        {
            silo.ConfigureEndpoints(System.Net.Dns.GetHostName(), endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(endpoints.AdvertisedAddress, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true);
        }
    }

    public static void UseClustering(IClientBuilder client, SentimentSettings settings)
    {
        client.UseRedisClustering(o => o.ConfigurationOptions = RedisConfiguration(settings.Redis.ConnectionString!));
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.Endpoints.ClusterId;
            o.ServiceId = settings.Endpoints.ServiceId;
        });
    }

    private static void ConfigureNats(NatsOptions options, SentimentSettings settings)
    {
        options.StreamName = settings.Nats.StreamName;
        options.PartitionCount = settings.Nats.Partitions;
        // The guarded adapter publishes on its own connection (JetStreamPublisher); the provider's producers stay idle.
        options.ProducerCount = 1;
        options.BatchSize = settings.Nats.MaxAckPending;
        options.NatsClientOptions = NatsOpts.Default with { Url = settings.Nats.Url! };
    }

    private static void AddIngestionGuard(IServiceCollection services)
    {
        GuardedQueueAdapterFactory.Decorate(services, Constants.StreamProviderName);
        services.AddSingleton<RedisAvailability>();
        services.AddSingleton<IIngestionAvailability>(sp => sp.GetRequiredService<RedisAvailability>());
        services.AddSingleton(sp => new JetStreamPublisher(sp.GetRequiredService<IOptions<NatsSettings>>().Value, sp.GetRequiredService<ILogger<JetStreamPublisher>>()));
    }

    private static ConfigurationOptions RedisConfiguration(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        // Keep retrying in the background when Redis is briefly away instead of failing the first call.
        configuration.AbortOnConnectFail = false;
        return configuration;
    }
}
