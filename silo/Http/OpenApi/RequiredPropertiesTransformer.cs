using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orleans.Sentiment.Silo.Http.OpenApi;

/// <summary>
/// Lists as required exactly the properties a body always carries: those of a non-nullable type (a null one is left
/// out of answers) and those marked <see cref="RequiredAttribute"/> (a request the silo refuses without them). The
/// generator would list every constructor parameter of a record.
/// </summary>
internal sealed class RequiredPropertiesTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
        {
            schema.Required = context.JsonTypeInfo.Properties.Where(IsRequired).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }

    private static bool IsRequired(JsonPropertyInfo property) =>
        property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true
        || (property.PropertyType.IsValueType ? Nullable.GetUnderlyingType(property.PropertyType) is null : !property.IsGetNullable);
}
