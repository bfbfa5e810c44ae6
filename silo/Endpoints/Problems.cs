using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Silo.Endpoints;

/// <summary>Error answers as RFC 9457 problem details; 400s carry "errors" naming each offending field.</summary>
internal static class Problems
{
    private const string IdRule = "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-', not starting with '.'";

    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is invalid.", detail: Detail(errors));

    /// <summary>At most <see cref="ErrorList.MaxEntries"/> fields, plus the total count when more were found.</summary>
    public static IResult Invalid(ErrorList errors)
    {
        var entries = errors.Entries.ToDictionary(e => e.Key, e => e.Value);
        var extensions = new Dictionary<string, object?> { ["errorCount"] = errors.Total };
        var detail = Detail(entries) + (errors.Total > entries.Count ? $" ({errors.Total} errors in all; the first {entries.Count} fields are listed.)" : "");
        return TypedResults.ValidationProblem(entries, title: "The request is invalid.", detail: detail, extensions: extensions);
    }

    /// <summary>415: the body's media type is not one this route reads.</summary>
    public static IResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(title: "Unsupported media type.", detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType);

    /// <summary>
    /// 413: the body is larger than <c>Ingestion:MaxRequestBytes</c>. The connection is closed after the answer
    /// (<c>Connection: close</c>): the rest of the body is never read, so the connection cannot carry another request.
    /// </summary>
    public static IResult TooLarge(HttpContext context, long maxBytes)
    {
        context.Response.Headers.Connection = "close";
        return TypedResults.Problem(
            title: "The request body is too large.",
            detail: $"The body exceeds the maximum of {maxBytes} bytes (Ingestion:MaxRequestBytes).",
            statusCode: StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>Checks the tenant and source route values; null when both are valid.</summary>
    public static IResult? CheckRoute(string tenant, string? source = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (!SourceKey.IsValidId(tenant))
        {
            errors["tenant"] = [IdRule];
        }

        if (source is not null && !SourceKey.IsValidId(source))
        {
            errors["source"] = [IdRule];
        }

        return errors.Count == 0 ? null : Invalid(errors);
    }

    private static string Detail(IDictionary<string, string[]> errors) =>
        string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join("; ", e.Value.Select(m => m.TrimEnd('.')))}."));
}
