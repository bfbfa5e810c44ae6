using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Silo.Http.Parsing;

namespace Orleans.Sentiment.Silo.Auth;

/// <summary>Wires authentication, tenant isolation, the request rate limits and the body rules into the host.</summary>
internal static class SecurityExtensions
{
    public static WebApplicationBuilder AddApiSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuthState>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<FailedAuthenticationLimit>();
        services.AddSingleton<ClassifyRateLimit>();
        services.AddHostedService<AuthStartup>();

        // The base handler logs two Information lines per refused key ("not authenticated", "challenged") and one
        // per 403; FailedAuthenticationLimit logs the one line that matters, under its own category.
        builder.Logging.AddFilter(typeof(ApiKeyAuthenticationHandler).FullName, LogLevel.Warning);
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, ApiAccessHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new ApiAccessRequirement()).Build())
            .AddPolicy(AdminRequirement.Policy, policy => policy.AddRequirements(new AdminRequirement()));
        services.AddTenantRateLimiting();

        // Kestrel refuses bodies past the same limit the routes enforce, so a chunked body cannot outgrow it either.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<IngestionOptions>>((kestrel, ingestion) =>
            kestrel.Limits.MaxRequestBodySize = ingestion.Value.MaxRequestBytes);
        return builder;
    }

    /// <summary>Routing, then whether the caller's address may still present keys, who is calling, whether they may, how
    /// often, and what they send. No CORS: browsers on other origins get no permission to read answers or to send JSON
    /// or keys.</summary>
    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        app.UseRouting();
        app.UseMiddleware<FailedAuthenticationGuard>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<RequestBodyGuard>();
        return app;
    }
}
