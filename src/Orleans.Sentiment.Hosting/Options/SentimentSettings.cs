using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Placement;

namespace Orleans.Sentiment.Hosting.Options;

/// <summary>
/// The settings that decide how the process is wired (profile, role, endpoints, stream partitions, silo role), read
/// through their options classes and validated before the host is built: a bad value stops start-up with a message
/// naming the setting. Read once per service collection (<see cref="ReadOnce"/>).
/// </summary>
public sealed record SentimentSettings(
    ClusterProfileOptions Cluster,
    RedisOptions Redis,
    NatsSettings Nats,
    OrleansClusterOptions Endpoints,
    SiloRoleOptions SiloRole,
    SentimentHostOptions Host)
{
    public bool IsProduction => Cluster.IsProduction;

    /// <summary>
    /// The settings the first wiring call on <paramref name="services"/> read: the silo, the client and the dashboard
    /// wiring all ask, and only the first reads. That call also binds the sections no other registration binds
    /// (Cluster, Redis, Nats, Orleans), as every section is bound, for the services that read them at run time.
    /// </summary>
    public static SentimentSettings ReadOnce(IServiceCollection services, IConfiguration configuration)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(SentimentSettings))?.ImplementationInstance is SentimentSettings read)
        {
            return read;
        }

        var settings = Read(configuration);
        services.AddSingleton(settings);
        services.AddOptions<ClusterProfileOptions>().BindConfiguration(ClusterProfileOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NatsSettings>().BindConfiguration(NatsSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OrleansClusterOptions>().BindConfiguration(OrleansClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return settings;
    }

    /// <summary>Reads and validates the settings; throws naming every bad one.</summary>
    public static SentimentSettings Read(IConfiguration configuration)
    {
        var errors = new List<string>();
        var settings = new SentimentSettings(
            SectionReader.Bind<ClusterProfileOptions>(configuration, ClusterProfileOptions.Section, errors),
            SectionReader.Bind<RedisOptions>(configuration, RedisOptions.Section, errors),
            SectionReader.Bind<NatsSettings>(configuration, NatsSettings.Section, errors),
            SectionReader.Bind<OrleansClusterOptions>(configuration, OrleansClusterOptions.Section, errors),
            SectionReader.Bind<SiloRoleOptions>(configuration, SiloRoleOptions.Section, errors),
            SectionReader.Bind<SentimentHostOptions>(configuration, SentimentHostOptions.Section, errors));
        errors.AddRange(settings.Mismatches());
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(SentimentSettings), typeof(SentimentSettings), errors);
        }

        return settings;
    }

    /// <summary>Settings that are valid alone but not together, each naming its settings.</summary>
    private IEnumerable<string> Mismatches()
    {
        if (Endpoints.KubernetesHosting && Host.IsFrontend)
        {
            yield return "Orleans:KubernetesHosting is for silos; a front-end (Host:Role 'frontend') must leave it off.";
        }

        if (IsProduction)
        {
            if (string.IsNullOrWhiteSpace(Redis.ConnectionString))
            {
                yield return "Redis:ConnectionString is required when Cluster:Profile is 'production'.";
            }

            if (string.IsNullOrWhiteSpace(Nats.Url))
            {
                yield return "Nats:Url is required when Cluster:Profile is 'production'.";
            }
            else if (Nats.Url.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                     .Any(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("nats" or "tls" or "ws" or "wss")))
            {
                yield return "Nats:Url must be one or more comma-separated nats://host:port URLs.";
            }
        }
        else if (Endpoints.KubernetesHosting)
        {
            yield return "Orleans:KubernetesHosting needs Cluster:Profile 'production' (an embedded silo has no cluster to join).";
        }
        else if (Host.IsFrontend)
        {
            yield return "Host:Role 'frontend' needs Cluster:Profile 'production' (an embedded silo has no cluster to join).";
        }
    }
}
