namespace Orleans.Sentiment.Silo.Dashboard;

/// <summary>
/// The built-in live dashboard at <c>/dashboard</c>: static files embedded in the silo, open without a key (the
/// page asks for one and sends it with its API calls). A content security policy lets the page load and call
/// nothing but the silo itself.
/// </summary>
internal static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapBuiltInDashboard(this IEndpointRouteBuilder app)
    {
        var assets = DashboardAssets.Load();
        var dashboard = app.MapGroup(Path).AllowAnonymous().ExcludeFromDescription();
        // Matches /dashboard and /dashboard/ (routing ignores a trailing slash).
        dashboard.MapGet("", (HttpContext context) => Serve(context, assets.Find("index.html")!));
        dashboard.MapGet("/{file}", (string file, HttpContext context) =>
            assets.Find(file) is { } asset ? Serve(context, asset) : Results.NotFound());
        return app;
    }

    private static IResult Serve(HttpContext context, DashboardAssets.Asset asset)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        // Revalidate every time: a new silo version serves new files under the same names.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch.Any(tag => tag == asset.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
