using Microsoft.OpenApi;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Silo.Http.OpenApi;

/// <summary>
/// What a route declares about itself for the OpenAPI document: its answers and its request body. Answers every
/// route shares (authentication, tenant isolation, rate limits, body rules) come from <see cref="AccessRulesTransformer"/>.
/// </summary>
internal static class RouteDocs
{
    /// <summary>A successful answer with a JSON body.</summary>
    public static RouteHandlerBuilder Answers<T>(this RouteHandlerBuilder route, int status) =>
        route.Produces<T>(status, ApiMediaTypes.Json);

    /// <summary>Error answers, each an <see cref="ApiProblem"/>.</summary>
    public static RouteHandlerBuilder Fails(this RouteHandlerBuilder route, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            route.Produces<ApiProblem>(status, ApiMediaTypes.Problem);
        }

        return route;
    }

    /// <summary>
    /// A media type the route reads, with the body's schema, for the document only: the route reads the body with its
    /// own strict parser, and <c>Accepts</c> metadata would let routing refuse wrong media types before
    /// authentication and the body rules have answered.
    /// </summary>
    public static RouteHandlerBuilder Reads<T>(this RouteHandlerBuilder route, string mediaType, string? description = null) =>
        route.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            var body = operation.RequestBody as OpenApiRequestBody ?? new OpenApiRequestBody { Required = true };
            body.Content ??= new Dictionary<string, OpenApiMediaType>();
            body.Content[mediaType] = new OpenApiMediaType { Schema = schema };
            body.Description = description is null ? body.Description : $"{body.Description} {description}".Trim();
            operation.RequestBody = body;
        });

    /// <summary>The <c>limit</c> query parameter of list routes: a whole number from 1 to <paramref name="maximum"/>.</summary>
    public static RouteHandlerBuilder TakesLimit(this RouteHandlerBuilder route, string maximum) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "limit") is { } limit)
            {
                limit.Description = $"How many, newest first: 1 to {maximum} (default 20).";
                limit.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" };
            }

            return Task.CompletedTask;
        });

    /// <summary>A request header the route reads.</summary>
    public static RouteHandlerBuilder TakesHeader(this RouteHandlerBuilder route, string name, string description, int maxLength) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = maxLength, Pattern = "^[!-~]+$" },
            });
            return Task.CompletedTask;
        });
}
