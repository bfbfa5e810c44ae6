using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Orleans.Sentiment.Hosting.Options;

/// <summary>
/// The settings that decide how the process is wired, read and validated before the host is built: a bad value
/// stops start-up with a message naming the setting.
/// </summary>
public sealed record SentimentSettings(
    ClusterProfileOptions Cluster,
    RedisOptions Redis,
    NatsSettings Nats,
    OrleansHostingOptions Endpoints,
    SiloRoleOptions SiloRole,
    PlacementOptions Placement,
    HostRoleOptions Host)
{
    public bool IsProduction => Cluster.IsProduction;

    public static SentimentSettings Read(IConfiguration configuration)
    {
        var settings = new SentimentSettings(
            Bind<ClusterProfileOptions>(configuration, ClusterProfileOptions.Section),
            Bind<RedisOptions>(configuration, RedisOptions.Section),
            Bind<NatsSettings>(configuration, NatsSettings.Section),
            Bind<OrleansHostingOptions>(configuration, OrleansHostingOptions.Section),
            Bind<SiloRoleOptions>(configuration, SiloRoleOptions.Section),
            Bind<PlacementOptions>(configuration, PlacementOptions.Section),
            Bind<HostRoleOptions>(configuration, HostRoleOptions.Section));
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(SentimentSettings), typeof(SentimentSettings), errors);
        }

        return settings;
    }

    /// <summary>Every problem, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var options in new object[] { Cluster, Redis, Nats, Endpoints, SiloRole, Placement, Host })
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
            errors.AddRange(results.Select(r => r.ErrorMessage ?? "invalid setting"));
        }

        if (Endpoints.KubernetesHosting && Host.IsFrontend)
        {
            errors.Add("Orleans:KubernetesHosting is for silos; a front-end (Host:Role 'frontend') must leave it off.");
        }

        if (IsProduction)
        {
            if (string.IsNullOrWhiteSpace(Redis.ConnectionString))
            {
                errors.Add("Redis:ConnectionString is required when Cluster:Profile is 'production'.");
            }

            if (string.IsNullOrWhiteSpace(Nats.Url))
            {
                errors.Add("Nats:Url is required when Cluster:Profile is 'production'.");
            }
            else if (Nats.Url.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                     .Any(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("nats" or "tls" or "ws" or "wss")))
            {
                errors.Add("Nats:Url must be one or more comma-separated nats://host:port URLs.");
            }
        }
        else if (Endpoints.KubernetesHosting)
        {
            errors.Add("Orleans:KubernetesHosting needs Cluster:Profile 'production' (an embedded silo has no cluster to join).");
        }
        else if (Host.IsFrontend)
        {
            errors.Add("Host:Role 'frontend' needs Cluster:Profile 'production' (an embedded silo has no cluster to join).");
        }

        return errors;
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }
}
