using System.Security.Claims;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Auth;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary><c>GET /v1/whoami</c>: what the key sent reaches.</summary>
internal static class WhoAmIRoutes
{
    public static void MapWhoAmI(this IEndpointRouteBuilder app) => app.MapGet(ApiRoutes.WhoAmI, WhoAmI);

    private static WhoAmIResponse WhoAmI(ClaimsPrincipal user, AuthState state) => new(
        user.FindFirst(ApiKeyAuthenticationHandler.TenantClaim)?.Value,
        user.HasClaim(ApiKeyAuthenticationHandler.AdminClaim, "true"),
        state.Mode.ToString());
}
