using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Silo.Http.OpenApi;

/// <summary>
/// The health checks and the Prometheus endpoint: they are middleware endpoints, not route handlers, so the
/// generator does not see them; they are described here instead.
/// </summary>
internal sealed class ServiceRoutesTransformer : IOpenApiDocumentTransformer
{
    private const string Tag = "Operations";
    private const string HealthSchemaId = "HealthReport";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[HealthSchemaId] = HealthSchema();
        var health = new OpenApiSchemaReference(HealthSchemaId, document);
        var problem = ApiDocument.ProblemReference(document);

        Add(document, ApiRoutes.HealthLive, Operation("Liveness: the process answers. Open.", new()
        {
            ["200"] = Text("Healthy"),
        }));
        Add(document, ApiRoutes.HealthReady, Operation("Readiness: the silo has started and its models, Redis and the stream (where used) answer. Open.", new()
        {
            ["200"] = Json("Ready.", health),
            ["503"] = Json("Not ready (starting, loading models, a dependency down, or draining).", health),
        }));
        var metrics = Operation("Prometheus text format: meters Orleans.Sentiment and Microsoft.Orleans. Open unless Auth:ProtectMetrics=true, then the admin key only.", new()
        {
            ["200"] = Text("Prometheus text exposition format."),
            ["401"] = ApiDocument.ProblemResponse(problem, StatusCodes.Status401Unauthorized),
            ["403"] = ApiDocument.ProblemResponse(problem, StatusCodes.Status403Forbidden),
            ["429"] = ApiDocument.ProblemResponse(problem, StatusCodes.Status429TooManyRequests),
        });
        // No key, or the admin key when Auth:ProtectMetrics is set.
        metrics.Security = [new OpenApiSecurityRequirement(), ApiDocument.BearerRequirement(document)];
        Add(document, ApiRoutes.Metrics, metrics);
        return Task.CompletedTask;
    }

    private static void Add(OpenApiDocument document, string path, OpenApiOperation get)
    {
        var item = new OpenApiPathItem();
        item.AddOperation(HttpMethod.Get, get);
        document.Paths[path] = item;
    }

    private static OpenApiOperation Operation(string summary, OpenApiResponses responses) => new()
    {
        Summary = summary,
        Tags = new HashSet<OpenApiTagReference> { new(Tag) },
        Responses = responses,
    };

    private static OpenApiResponse Text(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
    };

    private static OpenApiResponse Json(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { [ApiMediaTypes.Json] = new() { Schema = schema } },
    };

    // The readiness answer: the overall status and each check's.
    private static OpenApiSchema HealthSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "status", "checks" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["status"] = Status(),
            ["checks"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "status", "description" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["status"] = Status(),
                        ["description"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                    },
                    AdditionalPropertiesAllowed = false,
                },
            },
        },
        AdditionalPropertiesAllowed = false,
    };

    private static OpenApiSchema Status() => new()
    {
        Type = JsonSchemaType.String,
        Enum = [System.Text.Json.Nodes.JsonValue.Create("Healthy"), System.Text.Json.Nodes.JsonValue.Create("Degraded"), System.Text.Json.Nodes.JsonValue.Create("Unhealthy")],
    };
}
