using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Grains.Classification;
using Orleans.Sentiment.Grains.Themes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Adapters;

namespace Orleans.Sentiment.Hosting.Models;

public static class InferenceRegistration
{
    /// <summary>
    /// The silo's inference runtime, registered in one place: the <c>Inference</c> settings, the served models
    /// (<c>Models</c>), the shared encoders of tenant models, the one <see cref="SiloInference"/> service the classifier grains call, and the hosted loader that
    /// locates and loads the models after start. A caller that registered an already loaded <see cref="SiloInference"/>
    /// (tests with a model of their own) keeps it, and the loader stands aside.
    /// </summary>
    public static IServiceCollection AddSentimentInference(this IServiceCollection services)
    {
        services.AddOptions<InferenceOptions>().BindConfiguration(InferenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The model paths are checked when the loader resolves them, naming Models:N:Path.
        services.AddOptions<ServedModelsOptions>().BindConfiguration(ServedModelsOptions.Section);
        // Tenant models run when the cluster registers its IAdapterModelSource; their base encoders come from here.
        services.TryAddSingleton<IAdapterEncoderLocator, AdapterEncoderLocator>();
        // Themes embed with one of those shared encoders; its reference is checked here, where model references are read.
        services.AddSingleton<IValidateOptions<ThemesOptions>, SentenceModelValidation>();
        services.TryAddSingleton<SiloInference>();
        services.AddHostedService<ModelLoaderService>();
        return services;
    }
}
