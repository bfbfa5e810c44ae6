using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Classification;
using Orleans.Sentiment.Grains.Placement;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Grains.Training;
using Orleans.Sentiment.Hosting.Models;
using Orleans.Sentiment.Hosting.Networking;
using Orleans.Sentiment.Hosting.Options;
using Orleans.Sentiment.Hosting.Streams;
using Orleans.Sentiment.Inference;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Sentiment.Hosting;

/// <summary>The one place a silo is wired: used by the silo host and by the cluster tests alike.</summary>
public static class SentimentSiloBuilderExtensions
{
    /// <summary>
    /// Everything but clustering: grain storage and the comment stream for the configured profile (memory, or
    /// Redis + NATS JetStream), silo role metadata and the classifier placement filter, the pipeline's services,
    /// the hosted model loader, and the training jobs' service. Settings are validated first; a bad one throws naming it.
    /// </summary>
    public static ISiloBuilder AddSentiment(this ISiloBuilder silo)
    {
        var settings = SentimentSettings.ReadOnce(silo.Services, silo.Configuration);
        var services = silo.Services;
        silo.AddClassifierPlacement(settings.SiloRole);

        if (settings.IsProduction)
        {
            ProductionProviders.AddStorageAndStreams(silo, settings);
        }
        else
        {
            foreach (var name in ProductionProviders.StorageNames)
            {
                // Orleans' own serializer, as in Redis: it keeps the state's private fields, and a source's state
                // write costs a fraction of the default JSON's.
                silo.AddMemoryGrainStorage(name, options => options.Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
            }

            silo.AddMemoryStreams(Constants.StreamProviderName, stream => stream.ConfigurePullingAgent(options => options.Configure(StreamDelivery.Configure)));
            services.TryAddSingleton<IIngestionAvailability, AlwaysAvailable>();
        }

        if (!services.Any(d => d.ServiceType == typeof(SentimentMetrics)))
        {
            services.AddSentimentPipeline();
        }

        services.AddSentimentInference();
        services.AddTrainingJobs();
        return silo;
    }

    /// <summary>
    /// Clustering and endpoints: loopback for the embedded profile, Redis membership with the advertised address
    /// for production; in both, a silo whose ports another process listens on refuses to start. The cluster tests
    /// leave this out (the test host provides its own).
    /// </summary>
    public static ISiloBuilder UseSentimentClustering(this ISiloBuilder silo)
    {
        var settings = SentimentSettings.ReadOnce(silo.Services, silo.Configuration);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ExclusivePortCheck>();
        if (settings.IsProduction)
        {
            ProductionProviders.UseClustering(silo, settings);
        }
        else
        {
            silo.UseLocalhostClustering(settings.Endpoints.SiloPort, settings.Endpoints.GatewayPort, null, settings.Endpoints.ServiceId, settings.Endpoints.ClusterId);
        }

        return silo;
    }
}
