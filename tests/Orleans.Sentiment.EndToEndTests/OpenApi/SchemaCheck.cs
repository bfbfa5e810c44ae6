using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.EndToEndTests.OpenApi;

/// <summary>
/// Checks a JSON value against a schema of the document: types (with null), enums, anyOf/oneOf/allOf, array items,
/// required properties, and no property the schema does not list (an object schema is closed unless its
/// <c>additionalProperties</c> is a schema: the document promises every property an answer may carry).
/// </summary>
internal static class SchemaCheck
{
    public static IReadOnlyList<string> Errors(JsonNode? value, JsonObject schema, ApiDocumentModel document)
    {
        var errors = new List<string>();
        Check(value, schema, document, "$", errors);
        return errors;
    }

    private static void Check(JsonNode? value, JsonObject schema, ApiDocumentModel document, string at, List<string> errors)
    {
        schema = document.Resolve(schema);
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{at}: {Show(value)} is none of {allowed.ToJsonString()}");
            return;
        }

        if ((schema["anyOf"] ?? schema["oneOf"]) is JsonArray options)
        {
            // A nullable object is "anyOf": [its schema, null]; the option it matches has checked it in full.
            if (!options.Any(option => Errors(value, option!.AsObject(), document).Count == 0))
            {
                errors.Add($"{at}: {Show(value)} matches none of {options.ToJsonString()}");
            }

            return;
        }

        foreach (var part in schema["allOf"] as JsonArray ?? [])
        {
            Check(value, part!.AsObject(), document, at, errors);
        }

        if (schema["type"] is { } type && !Types(type).Contains(KindOf(value)) && !(KindOf(value) == "integer" && Types(type).Contains("number")))
        {
            errors.Add($"{at}: {Show(value)} is not of type {type.ToJsonString()}");
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, document, at, errors);
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], items, document, $"{at}[{i}]", errors);
                }

                break;
        }
    }

    private static void CheckObject(JsonObject value, JsonObject schema, ApiDocumentModel document, string at, List<string> errors)
    {
        var properties = schema["properties"] as JsonObject ?? [];
        foreach (var name in schema["required"] as JsonArray ?? [])
        {
            if (!value.ContainsKey((string)name!))
            {
                errors.Add($"{at}: required property '{name}' is missing");
            }
        }

        foreach (var (name, child) in value)
        {
            if (properties[name] is JsonObject property)
            {
                Check(child, property, document, $"{at}.{name}", errors);
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                Check(child, additional, document, $"{at}.{name}", errors);
            }
            else
            {
                errors.Add($"{at}: property '{name}' is not in the document");
            }
        }
    }

    private static string[] Types(JsonNode type) => type is JsonArray list ? [.. list.Select(t => (string)t!)] : [(string)type!];

    private static string KindOf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => value.ToJsonString().Any(c => c is '.' or 'e' or 'E') ? "number" : "integer",
    };

    private static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
