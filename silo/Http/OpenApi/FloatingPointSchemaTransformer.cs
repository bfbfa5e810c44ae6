using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orleans.Sentiment.Silo.Http.OpenApi;

/// <summary>
/// A float or double is a JSON number, or one of the strings "NaN", "Infinity", "-Infinity" (the API writes named
/// literals): the generator describes that as an <c>anyOf</c> but also types the value "object", which no number is.
/// This drops the type, and admits null where the property is nullable.
/// </summary>
internal sealed class FloatingPointSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (schema.AnyOf is { Count: > 0 } && (underlying == typeof(float) || underlying == typeof(double)))
        {
            schema.Type = null;
            if (underlying != type && schema.AnyOf is { } anyOf && !anyOf.Any(s => s.Type == JsonSchemaType.Null))
            {
                anyOf.Add(new OpenApiSchema { Type = JsonSchemaType.Null });
            }
        }

        return Task.CompletedTask;
    }
}
