using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orleans.Sentiment.Hosting.Telemetry;

namespace Orleans.Sentiment.Tests.Telemetry;

/// <summary>Tracing exists only when an OTLP endpoint is configured: otherwise nothing listens and no span is created.</summary>
public sealed class TracingRegistrationTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("http://localhost:4318", null, true)]
    [InlineData(null, "http://localhost:4318/v1/traces", true)]
    public void AddSentimentTracing_Endpoints_TracerProviderOnlyWithOne(string? endpoint, string? tracesEndpoint, bool traced)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TracingRegistration.EndpointVariable] = endpoint,
            [TracingRegistration.TracesEndpointVariable] = tracesEndpoint,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddSentimentTracing(configuration).BuildServiceProvider();

        Assert.Equal(traced, services.GetService<TracerProvider>() is not null);
    }
}
