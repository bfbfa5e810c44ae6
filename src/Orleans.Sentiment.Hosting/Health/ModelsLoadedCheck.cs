using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Grains.Classification;
using Orleans.Sentiment.Grains.Placement;

namespace Orleans.Sentiment.Hosting.Health;

/// <summary>Ready once this silo's models are loaded (ingest silos, which load on demand, only fail on a failed load).</summary>
internal sealed class ModelsLoadedCheck(SiloInference source, IOptions<SiloRoleOptions> role) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            source.IsLoaded ? HealthCheckResult.Healthy("Models loaded.")
            : source.IsFailed ? HealthCheckResult.Unhealthy($"Loading the models failed: {source.FailureReason}")
            : role.Value.LoadsModelsAtStart ? ReadinessLog.Pending("Models are loading.")
            : HealthCheckResult.Healthy("Models load on demand (role ingest)."));
}
