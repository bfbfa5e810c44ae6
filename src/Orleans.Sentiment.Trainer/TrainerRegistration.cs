using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Sentiment.Grains.Training;

namespace Orleans.Sentiment.Trainer;

public static class TrainerRegistration
{
    /// <summary>
    /// Makes this silo able to run training jobs (when its role is <c>trainer</c> or <c>all</c>): the job runner's
    /// <see cref="IJobTrainer"/> through the tenant trainer. Called by the silo when it is built with the trainer.
    /// </summary>
    public static IServiceCollection AddSentimentTrainer(this IServiceCollection services)
    {
        services.TryAddSingleton<IJobTrainer, TenantJobTrainer>();
        return services;
    }
}
