using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orleans.Sentiment.Silo.Hosting;

/// <summary>Ready once the host, and with it the silo, has fully started; not ready while stopping.</summary>
internal sealed class ReadinessCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Healthy("Silo started and models loaded.")
            : HealthCheckResult.Unhealthy("Silo is starting or stopping."));
}
