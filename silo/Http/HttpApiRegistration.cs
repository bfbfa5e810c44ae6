using Microsoft.Extensions.Options;
using Orleans.Sentiment.Data.Corrections;
using Orleans.Sentiment.Grains;

namespace Orleans.Sentiment.Silo.Http;

internal static class HttpApiRegistration
{
    /// <summary>
    /// Services of the HTTP routes themselves: the drain, batch intake and publishing, and the corrections store
    /// (<c>Corrections</c>). The cluster side, the <c>Ingestion</c> limits included, is wired by AddSentimentHost.
    /// </summary>
    public static WebApplicationBuilder AddSentimentApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPipelineDrain();
        services.AddSingleton<Ingestion.CommentPublisher>();
        services.AddSingleton<Ingestion.BatchIntake>();
        services.AddOptions<CorrectionsOptions>().BindConfiguration(CorrectionsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var corrections = sp.GetRequiredService<IOptions<CorrectionsOptions>>().Value;
            return new CorrectionStore(corrections.ResolvedDirectory, maxPerTenant: corrections.MaxPerTenant);
        });
        return builder;
    }
}
