using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Sentiment.Grains.Training;
using Orleans.Sentiment.Training.Lora.Tenant;
using Orleans.Sentiment.Training.Tenant;

namespace Orleans.Sentiment.Trainer;

public static class TrainerRegistration
{
    /// <summary>
    /// Makes this silo able to run training jobs (when its role is <c>trainer</c> or <c>all</c>): the job runner's
    /// <see cref="IJobTrainer"/> through the tenant trainer (LoRA, head or few-shot, chosen for the data). Called by the silo when it is built with the trainer.
    /// </summary>
    public static IServiceCollection AddSentimentTrainer(this IServiceCollection services)
    {
        services.TryAddSingleton<ITenantTrainer>(_ => new TenantTrainer());
        services.TryAddSingleton<IJobTrainer, TenantJobTrainer>();
        return services;
    }
}
