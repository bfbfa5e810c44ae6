using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Hosting.Telemetry;

/// <summary>
/// Traces, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>)
/// is set; the exporter reads the other standard <c>OTEL_*</c> variables itself (protocol, headers, sampler, batch
/// delays). Without an endpoint no tracer provider exists: nothing listens to the ActivitySources, so no span is
/// even created. An endpoint that is not an http or https URL stops the process at start-up, naming the variable.
/// </summary>
public static class TracingRegistration
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string TracesEndpointVariable = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";
    public const string DefaultServiceName = "orleans-sentiment";

    public static IServiceCollection AddSentimentTracing(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoints = new[] { EndpointVariable, TracesEndpointVariable }.Where(name => !string.IsNullOrWhiteSpace(configuration[name])).ToList();
        if (endpoints.Count == 0)
        {
            return services;
        }

        var invalid = endpoints
            .Where(name => !Uri.TryCreate(configuration[name], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            .Select(name => $"{name} must be an absolute http or https URL, such as http://localhost:4318 (got '{configuration[name]}').")
            .ToList();
        if (invalid.Count > 0)
        {
            throw new OptionsValidationException(EndpointVariable, typeof(TracingRegistration), invalid);
        }

        services.AddOpenTelemetry().WithTracing(tracing => tracing
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service instead (the SDK reads it).
                if (string.IsNullOrWhiteSpace(configuration[ServiceNameVariable]))
                {
                    resource.AddService(DefaultServiceName);
                }
            })
            .AddSentimentSources()
            .AddOtlpExporter());
        return services;
    }

    /// <summary>
    /// The project's spans, incoming HTTP requests (but health probes and metric scrapes) and outgoing HTTP calls,
    /// whose URL is cut to scheme, host and port: a Slack webhook URL's path is its secret.
    /// </summary>
    public static TracerProviderBuilder AddSentimentSources(this TracerProviderBuilder tracing) => tracing
        .AddSource(Constants.ActivitySourceName)
        .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbeOrScrape(context.Request.Path))
        .AddHttpClientInstrumentation(options => options.EnrichWithHttpRequestMessage = (activity, request) =>
        {
            if (request.RequestUri is { IsAbsoluteUri: true } url)
            {
                activity.SetTag("url.full", url.GetLeftPart(UriPartial.Authority));
            }
        });

    private static bool IsProbeOrScrape(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
