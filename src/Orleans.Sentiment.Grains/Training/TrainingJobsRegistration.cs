using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Sentiment.Grains.Telemetry;

namespace Orleans.Sentiment.Grains.Training;

public static class TrainingJobsRegistration
{
    /// <summary>
    /// Training jobs on a silo (their settings, section "Training", are the pipeline's): metrics, the tenant model
    /// seam, and the trainer service, which runs jobs when the role includes training and the build registered an
    /// <see cref="IJobTrainer"/>.
    /// </summary>
    public static IServiceCollection AddTrainingJobs(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrainingMetrics>();
        services.TryAddSingleton<IModelVersions, TenantModelVersions>();
        services.AddHostedService<TrainerService>();
        return services;
    }
}
