namespace Orleans.Sentiment.Silo.Dashboard;

/// <summary>The dashboards the silo serves: the built-in live dashboard at /dashboard.</summary>
internal static class DashboardHosting
{
    public static WebApplication MapDashboards(this WebApplication app)
    {
        app.MapBuiltInDashboard();
        return app;
    }
}
