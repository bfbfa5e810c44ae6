using System.Security.Claims;
using System.Text.Json.Serialization;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Silo.Endpoints;

namespace Orleans.Sentiment.Silo.Auth;

/// <summary>Tenant key management (admin key only) and <c>GET /v1/whoami</c>.</summary>
internal static partial class KeyEndpoints
{
    public static void MapKeys(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/tenants/{tenant}/keys").RequireAuthorization(AdminRequirement.Policy);
        keys.MapPost("", CreateAsync);
        keys.MapGet("", ListAsync);
        keys.MapDelete("/{id}", RevokeAsync);
        app.MapGet("/v1/whoami", WhoAmI);
    }

    private static async Task<IResult> CreateAsync(string tenant, IClusterClient cluster, ApiKeyCache cache, TimeProvider time, ILoggerFactory loggers)
    {
        if (Problems.CheckRoute(tenant) is { } invalid)
        {
            return invalid;
        }

        var (id, key) = ApiKeyFormat.Generate();
        var record = new ApiKeyRecord(id, tenant, ApiKeyFormat.Hash(key), time.GetUtcNow());
        if (!await cluster.GetGrain<IApiKeyRegistryGrain>(0).AddAsync(record))
        {
            return KeyLimitReached(tenant);
        }

        await cache.RefreshAsync();
        LogCreated(loggers.CreateLogger(typeof(KeyEndpoints)), tenant, id);
        return TypedResults.Created($"/v1/tenants/{tenant}/keys/{id}", new CreatedKey(id, key));
    }

    /// <summary>
    /// 409, not 429: the tenant's key set is full, and waiting does not change that; revoking a key does. A 429 would
    /// invite clients (the CLI among them) to retry after a delay that can never help.
    /// </summary>
    private static IResult KeyLimitReached(string tenant) => TypedResults.Problem(
        title: "Key limit reached.",
        detail: $"Tenant '{tenant}' already holds the most API keys allowed ({ApiKeyRecord.MaxPerTenant}); revoke one (DELETE /v1/tenants/{tenant}/keys/{{id}}) before creating another.",
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["limit"] = ApiKeyRecord.MaxPerTenant });

    private static async Task<IResult> ListAsync(string tenant, IClusterClient cluster)
    {
        if (Problems.CheckRoute(tenant) is { } invalid)
        {
            return invalid;
        }

        var records = await cluster.GetGrain<IApiKeyRegistryGrain>(0).ListAsync(tenant);
        return TypedResults.Ok(new KeyList(records.Select(r => new KeyInfo(r.Id, r.CreatedAt)).ToArray()));
    }

    private static async Task<IResult> RevokeAsync(string tenant, string id, IClusterClient cluster, ApiKeyCache cache, ILoggerFactory loggers)
    {
        if (Problems.CheckRoute(tenant) is { } invalid)
        {
            return invalid;
        }

        if (!ApiKeyFormat.IsId(id) || !await cluster.GetGrain<IApiKeyRegistryGrain>(0).RemoveAsync(tenant, id))
        {
            return TypedResults.Problem(title: "No such key.", detail: "This tenant has no key with this id.", statusCode: StatusCodes.Status404NotFound);
        }

        await cache.RefreshAsync();
        LogRevoked(loggers.CreateLogger(typeof(KeyEndpoints)), tenant, id);
        return TypedResults.NoContent();
    }

    private static WhoAmIResponse WhoAmI(ClaimsPrincipal user, AuthState state) => new(
        user.FindFirst(ApiKeyAuthenticationHandler.TenantClaim)?.Value,
        user.HasClaim(ApiKeyAuthenticationHandler.AdminClaim, "true"),
        state.Mode.ToString());

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} created for tenant {Tenant}")]
    private static partial void LogCreated(ILogger logger, string tenant, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} of tenant {Tenant} revoked")]
    private static partial void LogRevoked(ILogger logger, string tenant, string keyId);

    public sealed record CreatedKey(string Id, string Key);

    public sealed record KeyInfo(string Id, DateTimeOffset CreatedAt);

    public sealed record KeyList(IReadOnlyList<KeyInfo> Keys);

    public sealed record WhoAmIResponse([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Tenant, bool Admin, string AuthMode);
}
