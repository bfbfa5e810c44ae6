using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Hosting.Options;

namespace Orleans.Sentiment.ClusterTests.Hosting;

public sealed class SentimentSettingsTests
{
    [Fact]
    public void Read_NoSettings_IsTheEmbeddedSiloWithDefaults()
    {
        var settings = SentimentSettings.Read(Configuration());

        Assert.False(settings.IsProduction);
        Assert.False(settings.Host.IsFrontend);
        Assert.Equal("all", settings.SiloRole.Role);
        Assert.Equal("orleans-sentiment", settings.Nats.StreamName);
        Assert.Equal("orleans-sentiment", settings.Endpoints.ClusterId);
        Assert.Equal("orleans-sentiment", settings.Endpoints.ServiceId);
    }

    [Theory]
    [InlineData("Cluster:Profile", "cloud", "Cluster:Profile must be 'embedded' or 'production'")]
    [InlineData("Orleans:Metadata:role", "gpu", "Orleans:Metadata:role must be 'all', 'ingest', 'classifier' or 'trainer'")]
    [InlineData("Host:Role", "api", "Host:Role must be 'silo' or 'frontend'")]
    [InlineData("Host:Role", "frontend", "Host:Role 'frontend' needs Cluster:Profile 'production'")]
    [InlineData("Orleans:AdvertisedIP", "not-an-ip", "Orleans:AdvertisedIP 'not-an-ip' is not an IP address")]
    [InlineData("Orleans:SiloPort", "0", "Orleans:SiloPort must be between 1 and 65535")]
    [InlineData("Nats:StreamName", "a.b", "Nats:StreamName must be 1 to 64 letters")]
    [InlineData("Orleans:KubernetesHosting", "true", "Orleans:KubernetesHosting needs Cluster:Profile 'production'")]
    public void Read_InvalidSetting_ThrowsNamingTheSetting(string key, string value, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => SentimentSettings.Read(Configuration((key, value))));

        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public void Read_ProductionWithoutEndpoints_NamesRedisAndNats()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => SentimentSettings.Read(Configuration(("Cluster:Profile", "production"))));

        Assert.Contains("Redis:ConnectionString is required when Cluster:Profile is 'production'", failure.Message);
        Assert.Contains("Nats:Url is required when Cluster:Profile is 'production'", failure.Message);
    }

    [Fact]
    public void Read_ProductionWithBadNatsUrl_NamesTheSetting()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => SentimentSettings.Read(Configuration(
            ("Cluster:Profile", "production"), ("Redis:ConnectionString", "127.0.0.1:6379"), ("Nats:Url", "http://nats:4222"))));

        Assert.Contains("Nats:Url must be one or more comma-separated nats://host:port URLs", failure.Message);
    }

    [Fact]
    public void Read_KubernetesHosting_NeedsThePodVariablesAndASilo()
    {
        (string, string)[] production = [("Cluster:Profile", "production"), ("Redis:ConnectionString", "127.0.0.1:6379"), ("Nats:Url", "nats://127.0.0.1:4222"), ("Orleans:KubernetesHosting", "true")];
        var saved = OrleansClusterOptions.KubernetesVariables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var variable in OrleansClusterOptions.KubernetesVariables)
            {
                Environment.SetEnvironmentVariable(variable, null);
            }

            Environment.SetEnvironmentVariable("POD_NAME", "silo-0");
            var missing = Assert.Throws<OptionsValidationException>(() => SentimentSettings.Read(Configuration(production)));
            Assert.Contains("Orleans:KubernetesHosting is on but POD_NAMESPACE, POD_IP, ORLEANS_CLUSTER_ID, ORLEANS_SERVICE_ID are not set", missing.Message);

            foreach (var variable in OrleansClusterOptions.KubernetesVariables)
            {
                Environment.SetEnvironmentVariable(variable, "x");
            }

            Assert.True(SentimentSettings.Read(Configuration(production)).Endpoints.KubernetesHosting);
            var frontend = Assert.Throws<OptionsValidationException>(() => SentimentSettings.Read(Configuration([.. production, ("Host:Role", "frontend")])));
            Assert.Contains("Orleans:KubernetesHosting is for silos", frontend.Message);
        }
        finally
        {
            foreach (var (variable, value) in saved)
            {
                Environment.SetEnvironmentVariable(variable, value);
            }
        }
    }

    [Fact]
    public void Read_ProductionFrontend_IsValid()
    {
        var settings = SentimentSettings.Read(Configuration(
            ("Cluster:Profile", "Production"), ("Host:Role", "frontend"), ("Redis:ConnectionString", "127.0.0.1:6379"), ("Nats:Url", "nats://127.0.0.1:4222"), ("Orleans:Metadata:role", "classifier")));

        Assert.True(settings.IsProduction);
        Assert.True(settings.Host.IsFrontend);
        Assert.False(settings.SiloRole.LoadsModelsAtStart is false);
    }

    [Fact]
    public void ReadOnce_AgainOnTheSameServices_ReusesTheFirstReadAndBindsOnce()
    {
        var services = new ServiceCollection();

        var first = SentimentSettings.ReadOnce(services, Configuration(("Nats:Partitions", "4")));
        var again = SentimentSettings.ReadOnce(services, Configuration(("Nats:Partitions", "not a number")));

        Assert.Same(first, again);
        Assert.Equal(4, again.Nats.Partitions);
        Assert.Single(services, d => d.ServiceType == typeof(IOptionsChangeTokenSource<NatsSettings>));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
