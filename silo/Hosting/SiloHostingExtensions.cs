using Microsoft.Extensions.Options;
using Orleans.Sentiment.Data.Corrections;
using Orleans.Sentiment.Grains;

namespace Orleans.Sentiment.Silo.Hosting;

internal static class SiloHostingExtensions
{
    /// <summary>Options and services of the HTTP routes themselves (the cluster side is wired by AddSentimentHost).</summary>
    public static WebApplicationBuilder AddSentimentApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPipelineDrain();
        services.AddSingleton<Http.Ingestion.CommentPublisher>();
        services.AddSingleton<Http.Ingestion.BatchIntake>();
        services.AddOptions<IngestionOptions>().Bind(builder.Configuration.GetSection(IngestionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CorrectionsOptions>().Bind(builder.Configuration.GetSection(CorrectionsOptions.Section));
        services.AddSingleton(sp =>
        {
            var corrections = sp.GetRequiredService<IOptions<CorrectionsOptions>>().Value;
            return new CorrectionStore(corrections.ResolvedDirectory, maxPerTenant: corrections.MaxPerTenant);
        });
        return builder;
    }
}
