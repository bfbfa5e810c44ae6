using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Orleans.Sentiment.Silo.Auth;

namespace Orleans.Sentiment.Silo.Http.OpenApi;

/// <summary>
/// Documents the answers that come from the rules in front of every route rather than from the route itself: a
/// bearer key (401 without one, 429 once an address has presented too many bad ones), tenant isolation and the
/// per-tenant rate (403, 429 on <c>{tenant}</c> routes), the id rules of <c>{tenant}</c> and <c>{source}</c> (400),
/// admin-only routes (403) and the body rules of every POST and PUT (413, 415).
/// </summary>
internal sealed class AccessRulesTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var path = "/" + description.RelativePath;
        var statuses = new SortedSet<int>();
        if (HttpMethods.IsPost(description.HttpMethod ?? "") || HttpMethods.IsPut(description.HttpMethod ?? ""))
        {
            statuses.UnionWith([StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
        }

        if (!ApiAccessHandler.IsOpenPath(path))
        {
            operation.Security = [ApiDocument.BearerRequirement(context.Document)];
            statuses.UnionWith([StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests]);
        }

        if (path.Contains("{tenant}", StringComparison.Ordinal) || path.Contains("{source}", StringComparison.Ordinal))
        {
            statuses.UnionWith([StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests]);
        }

        if (description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any(a => a.Policy == AdminRequirement.Policy))
        {
            statuses.Add(StatusCodes.Status403Forbidden);
        }

        if (statuses.Count == 0)
        {
            return;
        }

        var problem = await ApiDocument.ProblemSchemaAsync(context, cancellationToken);
        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(key))
            {
                operation.Responses[key] = ApiDocument.ProblemResponse(problem, status);
            }
        }
    }
}
