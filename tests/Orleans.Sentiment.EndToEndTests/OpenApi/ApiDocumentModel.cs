using System.Globalization;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.EndToEndTests.OpenApi;

/// <summary>The silo's OpenAPI document as the tests read it: its operations, and its schemas by reference.</summary>
internal sealed class ApiDocumentModel(JsonObject document)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public JsonObject Root { get; } = document;

    public IReadOnlyList<ApiOperation> Operations { get; } =
    [
        .. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(entry => Methods.Contains(entry.Key))
            .Select(entry => new ApiOperation(entry.Key.ToUpperInvariant(), path.Key, entry.Value!.AsObject()))),
    ];

    public static async Task<ApiDocumentModel> LoadAsync(HttpClient http)
    {
        var text = await http.GetStringAsync("/openapi/v1.json");
        return new ApiDocumentModel(JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>The schema a <c>$ref</c> names (within this document), or the schema itself.</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        while (schema["$ref"] is JsonValue reference)
        {
            var path = ((string)reference!).TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries);
            schema = path.Aggregate((JsonNode)Root, (node, part) => node[part] ?? throw new InvalidOperationException($"Dangling $ref {reference}.")).AsObject();
        }

        return schema;
    }
}

/// <summary>One path and method of the document.</summary>
internal sealed record ApiOperation(string Method, string Path, JsonObject Node)
{
    public string Key => $"{Method} {Path}";

    public IReadOnlySet<int> Statuses => Responses.Select(r => int.Parse(r.Key, CultureInfo.InvariantCulture)).ToHashSet();

    /// <summary>The media types documented for an answer of <paramref name="status"/>; empty when it has no body.</summary>
    public IReadOnlyDictionary<string, JsonObject?> Content(int status) =>
        Responses.Single(r => r.Key == status.ToString(CultureInfo.InvariantCulture)).Value!["content"] is JsonObject content
            ? content.ToDictionary(c => c.Key, c => c.Value!["schema"] as JsonObject)
            : new Dictionary<string, JsonObject?>();

    /// <summary>Whether every way to call it needs a bearer key (no empty alternative).</summary>
    public bool RequiresKey => Security is { Count: > 0 } security && security.All(requirement => requirement!.AsObject().ContainsKey("bearer"));

    /// <summary>Whether a bearer key is one of the ways to call it.</summary>
    public bool TakesKey => Security?.Any(requirement => requirement!.AsObject().ContainsKey("bearer")) == true;

    public bool HasBody => Node["requestBody"] is not null;

    private JsonObject Responses => Node["responses"]!.AsObject();

    private JsonArray? Security => Node["security"] as JsonArray;
}
