using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Orleans.Sentiment.Silo.Auth;

/// <summary>Who may call a route: every request is checked against this unless the route names its own policy.</summary>
internal sealed class ApiAccessRequirement : IAuthorizationRequirement;

/// <summary>Only the admin key: key management.</summary>
internal sealed class AdminRequirement : IAuthorizationRequirement
{
    public const string Policy = "admin";
}

/// <summary>
/// The access rules. Open to all: <c>/health/*</c>, <c>/dashboard</c> and its assets, the OpenAPI document
/// (<c>/openapi/v1.json</c>: it describes routes and shapes, never data), and <c>/metrics</c> unless
/// <c>Auth:ProtectMetrics</c> (then admin only). With <c>Auth:Mode=None</c> everything else is open too. With
/// <c>ApiKey</c>: the admin key reaches everything; a tenant key reaches routes of its own <c>{tenant}</c> and routes
/// without one (classify, whoami); anything else is 401 (no valid key) or 403 (a key for another tenant).
/// </summary>
internal sealed class ApiAccessHandler(AuthState state, IOptions<AuthOptions> options)
    : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        var http = context.Resource as HttpContext;
        foreach (var requirement in context.PendingRequirements.ToArray())
        {
            var allowed = requirement switch
            {
                AdminRequirement => IsAdmin(context),
                ApiAccessRequirement => Allows(context, http),
                _ => (bool?)null,
            };
            if (allowed == true)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }

    public static bool IsAdmin(AuthorizationHandlerContext context) =>
        context.User.HasClaim(ApiKeyAuthenticationHandler.AdminClaim, "true");

    private bool Allows(AuthorizationHandlerContext context, HttpContext? http)
    {
        var path = http?.Request.Path ?? PathString.Empty;
        if (IsOpenPath(path))
        {
            return true;
        }

        if (path.Equals("/metrics", StringComparison.OrdinalIgnoreCase))
        {
            return !options.Value.ProtectMetrics || IsAdmin(context);
        }

        if (state.Mode == AuthMode.None || IsAdmin(context))
        {
            return true;
        }

        if (context.User.FindFirst(ApiKeyAuthenticationHandler.TenantClaim)?.Value is not { } tenant)
        {
            return false;
        }

        return http?.GetRouteValue("tenant") is not string routeTenant || string.Equals(routeTenant, tenant, StringComparison.Ordinal);
    }

    public static bool IsOpenPath(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/dashboard", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
