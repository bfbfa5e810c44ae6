using System.Security.Claims;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Auth;
using Orleans.Sentiment.Silo.Http.OpenApi;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary><c>GET /v1/whoami</c>: what the key sent reaches.</summary>
internal static class WhoAmIRoutes
{
    public static void MapWhoAmI(this IEndpointRouteBuilder app) =>
        app.MapGet(ApiRoutes.WhoAmI, WhoAmI)
            .WithName("WhoAmI").WithTags("Keys").WithSummary("What the key sent reaches: its tenant, whether it is the admin key, and the auth mode.")
            .Answers<WhoAmIResponse>(StatusCodes.Status200OK);

    private static WhoAmIResponse WhoAmI(ClaimsPrincipal user, AuthState state) => new(
        user.FindFirst(ApiKeyAuthenticationHandler.TenantClaim)?.Value,
        user.HasClaim(ApiKeyAuthenticationHandler.AdminClaim, "true"),
        state.Mode.ToString());
}
