using Orleans.Sentiment.Silo.Http.TenantModels;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary>Every route of the HTTP API under <c>/v1</c>, one resource group per file.</summary>
internal static class HttpApiRoutes
{
    public static IEndpointRouteBuilder MapHttpApi(this IEndpointRouteBuilder app)
    {
        app.MapIngestion();
        app.MapClassify();
        app.MapSources();
        app.MapAlerts();
        app.MapThemes();
        app.MapPolicyTest();
        app.MapDeadLetters();
        app.MapCorrections();
        app.MapKeys();
        app.MapTenantModels();
        app.MapExamples();
        app.MapModelTraining();
        app.MapTrainingJobs();
        app.MapWhoAmI();
        return app;
    }
}
