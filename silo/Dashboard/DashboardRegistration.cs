using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Orleans.Sentiment.Hosting.Options;
using Orleans.Sentiment.Silo.Auth;

namespace Orleans.Sentiment.Silo.Dashboard;

/// <summary>
/// The dashboards the silo serves: the built-in live dashboard at /dashboard (always), and the Orleans dashboard
/// when <c>Dashboard:Orleans:Enabled</c> is set, behind the admin key.
/// </summary>
internal static class DashboardRegistration
{
    public static WebApplicationBuilder AddDashboards(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrleansDashboardOptions>().BindConfiguration(OrleansDashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Whether to add it at all is decided before the host is built.
        if (SectionReader.Read<OrleansDashboardOptions>(builder.Configuration, OrleansDashboardOptions.Section).Enabled)
        {
            // One Orleans builder per host: this adds to the silo (or, for Host:Role=frontend, the cluster client)
            // configured elsewhere rather than making a second one. A front-end's dashboard reads the silos' data,
            // so the silos need Dashboard:Orleans:Enabled too.
            if (SentimentSettings.ReadOnce(builder.Services, builder.Configuration).Host.IsFrontend)
            {
                builder.UseOrleansClient(client => client.AddDashboard());
            }
            else
            {
                builder.UseOrleans(silo => silo.AddDashboard());
            }
        }

        return builder;
    }

    public static WebApplication MapDashboards(this WebApplication app)
    {
        app.MapBuiltInDashboard();
        var orleans = app.Services.GetRequiredService<IOptions<OrleansDashboardOptions>>().Value;
        if (orleans.Enabled)
        {
            // Operators only: the admin key's policy (a tenant key gets 403, no key 401).
            app.MapOrleansDashboard(routePrefix: orleans.Path).RequireAuthorization(AdminRequirement.Policy).ExcludeFromDescription();
        }

        return app;
    }
}
