using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Auth;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary>Tenant key management, admin key only: create, list, revoke.</summary>
internal static partial class KeyRoutes
{
    public static void MapKeys(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.Keys, CreateAsync).RequireAuthorization(AdminRequirement.Policy)
            .WithName("CreateKey").WithTags("Keys").WithSummary("Admin key only. Create a tenant key; the key is shown this once.")
            .Answers<CreatedKeyResponse>(StatusCodes.Status201Created)
            .Fails(StatusCodes.Status409Conflict);
        app.MapGet(ApiRoutes.Keys, ListAsync).RequireAuthorization(AdminRequirement.Policy)
            .WithName("ListKeys").WithTags("Keys").WithSummary("Admin key only. The tenant's keys (never the keys themselves).")
            .Answers<KeysResponse>(StatusCodes.Status200OK);
        app.MapDelete(ApiRoutes.Key, RevokeAsync).RequireAuthorization(AdminRequirement.Policy)
            .WithName("RevokeKey").WithTags("Keys").WithSummary("Admin key only. Revoke a tenant key.")
            .Produces(StatusCodes.Status204NoContent)
            .Fails(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CreateAsync(string tenant, IClusterClient cluster, ApiKeyCache cache, TimeProvider time, ILoggerFactory loggers)
    {
        if (RouteIds.Check(tenant) is { } invalid)
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
        LogCreated(loggers.CreateLogger(typeof(KeyRoutes)), tenant, id);
        return TypedResults.Created($"/v1/tenants/{tenant}/keys/{id}", new CreatedKeyResponse(id, key));
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
        if (RouteIds.Check(tenant) is { } invalid)
        {
            return invalid;
        }

        var records = await cluster.GetGrain<IApiKeyRegistryGrain>(0).ListAsync(tenant);
        return TypedResults.Ok(new KeysResponse(records.Select(r => new KeyDto(r.Id, r.CreatedAt)).ToArray()));
    }

    private static async Task<IResult> RevokeAsync(string tenant, string id, IClusterClient cluster, ApiKeyCache cache, ILoggerFactory loggers)
    {
        if (RouteIds.Check(tenant) is { } invalid)
        {
            return invalid;
        }

        if (!ApiKeyFormat.IsId(id) || !await cluster.GetGrain<IApiKeyRegistryGrain>(0).RemoveAsync(tenant, id))
        {
            return TypedResults.Problem(title: "No such key.", detail: "This tenant has no key with this id.", statusCode: StatusCodes.Status404NotFound);
        }

        await cache.RefreshAsync();
        LogRevoked(loggers.CreateLogger(typeof(KeyRoutes)), tenant, id);
        return TypedResults.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} created for tenant {Tenant}")]
    private static partial void LogCreated(ILogger logger, string tenant, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} of tenant {Tenant} revoked")]
    private static partial void LogRevoked(ILogger logger, string tenant, string keyId);
}
