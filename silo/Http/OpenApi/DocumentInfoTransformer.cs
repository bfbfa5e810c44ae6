using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Silo.Http.OpenApi;

/// <summary>The document's title, its bearer scheme, and one description per error status on every route.</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Orleans.Sentiment",
            Version = "v1",
            Description = "Real-time labelling of customer feedback. JSON in camelCase; every error is application/problem+json. " +
                "With Auth:Mode=ApiKey every route but /health/* (and /metrics unless Auth:ProtectMetrics) needs 'Authorization: Bearer <key>'.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiDocument.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The admin key (Auth:AdminKey) or a tenant key (POST /v1/tenants/{tenant}/keys). Needed only when Auth:Mode is ApiKey, the default on any non-loopback address.",
        };

        foreach (var response in document.Paths.Values
            .SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(operation => operation.Responses ?? [])
            .Where(r => r.Value.Content?.ContainsKey(ApiMediaTypes.Problem) == true && int.TryParse(r.Key, out _)))
        {
            if (response.Value is OpenApiResponse problem)
            {
                problem.Description = ApiDocument.ProblemDescription(int.Parse(response.Key, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return Task.CompletedTask;
    }
}
