using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orleans.Sentiment.Silo.Http.OpenApi;

/// <summary>
/// Lists every route the app maps that the document does not describe (and that is not excluded from it, like the
/// dashboards' pages) as "not described", so a route cannot be added without its absence from the document showing.
/// Runs after every other transformer.
/// </summary>
internal sealed class UndescribedRoutesTransformer : IOpenApiDocumentTransformer
{
    public const string Summary = "Not described: this route is mapped, but the document does not say what it reads or answers.";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var endpoints = context.ApplicationServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true }))
        {
            var path = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var described = document.Paths.TryGetValue(path, out var item) ? item.Operations?.Keys.Select(m => m.Method).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [] : [];
            // A route mapped for every method (a health check, the scrape endpoint) is described by any operation on its path.
            var missing = methods.Count == 0 ? (described.Count == 0 ? [HttpMethods.Get] : []) : methods.Where(m => !described.Contains(m)).ToArray();
            foreach (var method in missing)
            {
                var pathItem = item as OpenApiPathItem ?? new OpenApiPathItem();
                pathItem.AddOperation(new HttpMethod(method), new OpenApiOperation
                {
                    Summary = Summary,
                    Responses = new OpenApiResponses { ["default"] = new OpenApiResponse { Description = "Not described." } },
                });
                document.Paths[path] = item = pathItem;
            }
        }

        return Task.CompletedTask;
    }
}
