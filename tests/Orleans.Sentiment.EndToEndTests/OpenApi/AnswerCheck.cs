using System.Text.Json.Nodes;

namespace Orleans.Sentiment.EndToEndTests.OpenApi;

/// <summary>Whether an answer is one the document lists for its operation: the status, the media type and the body's schema.</summary>
internal static class AnswerCheck
{
    public static async Task<IReadOnlyList<string>> ProblemsAsync(ApiOperation operation, HttpResponseMessage response, ApiDocumentModel document)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (!operation.Statuses.Contains(status))
        {
            return [$"{operation.Key} answered {status}, which the document does not list ({string.Join(", ", operation.Statuses)}): {Clip(body)}"];
        }

        var content = operation.Content(status);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (content.Count == 0)
        {
            return body.Length == 0 ? [] : [$"{operation.Key} {status} has a body the document does not list: {Clip(body)}"];
        }

        if (mediaType is null || !content.TryGetValue(mediaType, out var schema))
        {
            return [$"{operation.Key} {status} answered {mediaType ?? "no media type"}, not one of {string.Join(", ", content.Keys)}"];
        }

        if (schema is null || !mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            return [];
        }

        return [.. SchemaCheck.Errors(JsonNode.Parse(body), schema, document).Select(e => $"{operation.Key} {status}: {e}")];
    }

    private static string Clip(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
