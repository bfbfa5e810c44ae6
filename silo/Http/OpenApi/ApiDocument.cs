using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Silo.Http.OpenApi;

/// <summary>
/// The OpenAPI document of the HTTP API at <c>/openapi/v1.json</c> (ASP.NET Core's generator): every route with its
/// request body, answers and key requirement. It is open like <c>/health</c>: it describes the API, never its data.
/// </summary>
internal static class ApiDocument
{
    public const string BearerScheme = "bearer";

    private const string ProblemSchemaId = nameof(ApiProblem);

    /// <summary>What each error status means, on every route that can answer it.</summary>
    private static readonly Dictionary<int, string> ProblemDescriptions = new()
    {
        [400] = "Invalid request: the problem's errors name each offending field.",
        [401] = "No key, or an unknown, revoked or malformed one, while Auth:Mode is ApiKey (WWW-Authenticate: Bearer).",
        [403] = "A tenant key on another tenant's route, or on a route only the admin key reaches.",
        [404] = "No such resource.",
        [409] = "A conflict with the resource's state: an Idempotency-Key still in progress, a tenant's key set full, a model defined otherwise, a version the gate refuses or that cannot serve, a model with a version in training.",
        [413] = "The body is larger than Ingestion:MaxRequestBytes; the connection is closed.",
        [415] = "A body that is not application/json (or application/x-ndjson where a route reads it) in UTF-8.",
        [422] = "An Idempotency-Key reused for a different request.",
        [429] = "Over a rate or a share (per tenant, per caller, failed keys per address, in-flight comments, sources, corrections); see Retry-After where sent.",
        [503] = "The silo cannot take the batch now (in flight, stream refused, shutting down); Retry-After says when to retry.",
    };

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // Contract records are named after what they hold: WindowDto is "Window" in the document.
            options.CreateSchemaReferenceId = type => OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && id.EndsWith("Dto", StringComparison.Ordinal) ? id[..^3] : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddSchemaTransformer<RequiredPropertiesTransformer>();
            options.AddSchemaTransformer<FloatingPointSchemaTransformer>();
            options.AddOperationTransformer<AccessRulesTransformer>();
            options.AddDocumentTransformer<ServiceRoutesTransformer>();
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddDocumentTransformer<UndescribedRoutesTransformer>();
        });

    public static IEndpointConventionBuilder MapApiDocument(this IEndpointRouteBuilder app) => app.MapOpenApi(ApiRoutes.OpenApiDocument);

    public static OpenApiSecurityRequirement BearerRequirement(OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] };

    /// <summary>The <see cref="ApiProblem"/> schema, registered once as a component and referenced from every error answer.</summary>
    public static async Task<IOpenApiSchema> ProblemSchemaAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(ProblemSchemaId) != true)
        {
            document.AddComponent(ProblemSchemaId, await context.GetOrCreateSchemaAsync(typeof(ApiProblem), null, cancellationToken));
        }

        return ProblemReference(document);
    }

    /// <summary>The <see cref="ApiProblem"/> component, once an operation has registered it.</summary>
    public static OpenApiSchemaReference ProblemReference(OpenApiDocument document) => new(ProblemSchemaId, document);

    public static OpenApiResponse ProblemResponse(IOpenApiSchema problem, int status) => new()
    {
        Description = ProblemDescription(status),
        Content = new Dictionary<string, OpenApiMediaType> { [ApiMediaTypes.Problem] = new() { Schema = problem } },
    };

    public static string ProblemDescription(int status) =>
        ProblemDescriptions.GetValueOrDefault(status) ?? ReasonPhrase(status);

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : status.ToString(CultureInfo.InvariantCulture);
}
