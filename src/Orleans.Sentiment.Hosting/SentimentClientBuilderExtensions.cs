using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Hosting.Options;
using Orleans.Sentiment.Hosting.Streams;

namespace Orleans.Sentiment.Hosting;

/// <summary>Wires an Orleans client the way the silos are wired (the front-end, and the cluster tests' client).</summary>
public static class SentimentClientBuilderExtensions
{
    /// <summary>
    /// Production: Redis gateway list, cluster id, the guarded NATS comment stream, and connection retries so a
    /// front-end may start before the silos. Embedded: memory streams only (a test host supplies the gateway).
    /// </summary>
    public static IClientBuilder AddSentimentClient(this IClientBuilder client)
    {
        var settings = SentimentSettings.ReadOnce(client.Services, client.Configuration);
        if (settings.IsProduction)
        {
            ProductionProviders.UseClustering(client, settings);
            ProductionProviders.AddClientStreams(client, settings);
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
        }
        else
        {
            client.AddMemoryStreams(Constants.StreamProviderName);
            client.Services.TryAddSingleton<IIngestionAvailability, AlwaysAvailable>();
        }

        return client;
    }
}
