using System.Text.Json;
using Orleans.Sentiment.Silo.Hosting;

namespace Orleans.Sentiment.Silo.Endpoints;

/// <summary>Parses and validates an ingestion body (JSON array or NDJSON). All of it is valid, or nothing is accepted.</summary>
internal static class IngestionParser
{
    public const string NdJsonContentType = "application/x-ndjson";

    public sealed record Result(IReadOnlyList<IncomingComment> Comments, IDictionary<string, string[]> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    public static Result Parse(string body, bool ndjson, IngestionOptions limits)
    {
        var errors = new Dictionary<string, string[]>();
        var comments = ndjson ? ParseNdJson(body, errors, limits) : ParseArray(body, errors, limits);
        if (errors.Count == 0)
        {
            Validate(comments, errors, limits);
        }

        return new Result(comments, errors);
    }

    private static List<IncomingComment> ParseArray(string body, Dictionary<string, string[]> errors, IngestionOptions limits)
    {
        try
        {
            var comments = JsonSerializer.Deserialize<List<IncomingComment?>>(body, ApiJson.Options);
            if (comments is null)
            {
                errors["body"] = ["must be a JSON array of comments"];
                return [];
            }

            for (var i = 0; i < comments.Count; i++)
            {
                if (comments[i] is null)
                {
                    errors[$"[{i}]"] = ["must be a comment object"];
                }
            }

            return comments!;
        }
        catch (JsonException e)
        {
            errors[ApiJson.Describe(e)] = [$"malformed JSON: {e.Message}"];
            return [];
        }
    }

    private static List<IncomingComment> ParseNdJson(string body, Dictionary<string, string[]> errors, IngestionOptions limits)
    {
        var comments = new List<IncomingComment>();
        var lineNumber = 0;
        foreach (var line in body.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var comment = JsonSerializer.Deserialize<IncomingComment>(line, ApiJson.Options);
                if (comment is null)
                {
                    errors[$"line {lineNumber}"] = ["must be a comment object"];
                    continue;
                }

                comments.Add(comment);
            }
            catch (JsonException e)
            {
                var field = ApiJson.Describe(e);
                errors[field == "body" ? $"line {lineNumber}" : $"line {lineNumber}: {field}"] = [$"malformed JSON: {e.Message}"];
            }

            if (comments.Count > limits.MaxBatchSize)
            {
                break;
            }
        }

        return comments;
    }

    private static void Validate(List<IncomingComment> comments, Dictionary<string, string[]> errors, IngestionOptions limits)
    {
        if (comments.Count == 0)
        {
            errors["body"] = ["must hold at least one comment"];
            return;
        }

        if (comments.Count > limits.MaxBatchSize)
        {
            errors["body"] = [$"holds more than the maximum of {limits.MaxBatchSize} comments per request (Ingestion:MaxBatchSize)"];
            return;
        }

        var firstIndexOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < comments.Count; i++)
        {
            var comment = comments[i];
            if (string.IsNullOrWhiteSpace(comment.Text))
            {
                errors[$"[{i}].text"] = ["must not be empty or whitespace"];
            }
            else if (comment.Text.Length > limits.MaxTextLength)
            {
                errors[$"[{i}].text"] = [$"is {comment.Text.Length} characters long; the maximum is {limits.MaxTextLength} (Ingestion:MaxTextLength)"];
            }

            if (comment.Id is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(comment.Id) || comment.Id.Length > limits.MaxIdLength)
            {
                errors[$"[{i}].id"] = [$"must be 1 to {limits.MaxIdLength} characters when given"];
            }
            else if (!firstIndexOfId.TryAdd(comment.Id, i))
            {
                errors[$"[{i}].id"] = [$"duplicates the id of [{firstIndexOfId[comment.Id]}] in the same batch"];
            }
        }
    }
}
