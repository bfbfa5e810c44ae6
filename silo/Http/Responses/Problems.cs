using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Silo.Http.Parsing;

namespace Orleans.Sentiment.Silo.Http.Responses;

/// <summary>Error answers as RFC 9457 problem details; 400s carry "errors" naming each offending field.</summary>
internal static class Problems
{
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

    /// <summary>503 with a Retry-After: nothing of the request was accepted (the body says "published": 0).</summary>
    public static IResult Unavailable(string title, string detail, TimeSpan retryAfter) =>
        new RetryAfterResult(TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, extensions: NothingPublished()), retryAfter);

    /// <summary>The tenant ledger refused the batch: 429 for the tenant's own limits, 503 when the silo is full.</summary>
    public static IResult Refused(Admission admission) => admission.Status switch
    {
        AdmissionStatus.SiloBusy => Unavailable("The silo has too many comments in flight.", $"{admission.Detail} Nothing of this batch was accepted; retry it later.", admission.RetryAfter),
        AdmissionStatus.TooManySources => TypedResults.Problem(title: "Too many sources.", detail: admission.Detail, statusCode: StatusCodes.Status429TooManyRequests, extensions: NothingPublished()),
        _ => new RetryAfterResult(TypedResults.Problem(title: "Too many comments in flight for this tenant.", detail: $"{admission.Detail} Nothing of this batch was accepted; retry it after the Retry-After delay.", statusCode: StatusCodes.Status429TooManyRequests, extensions: NothingPublished()), admission.RetryAfter),
    };

    /// <summary>Every refusal of an ingest batch reports how much of it was accepted, so clients handle all of them alike.</summary>
    private static Dictionary<string, object?> NothingPublished() => new() { ["published"] = 0 };

    /// <summary>
    /// 503 after a publish failed midway: the first <paramref name="published"/> comments are on the stream. The body
    /// lists every id, so the client can re-send the whole batch with them; sources drop the ones they already have.
    /// </summary>
    public static IResult PartlyPublished(int published, string[] ids, string reason) =>
        new RetryAfterResult(TypedResults.Problem(
            title: "The comment stream refused part of the batch.",
            detail: $"{published} of {ids.Length} comments were accepted ({reason}). Re-send the whole batch with the ids given here; comments already accepted are recognised by id and counted once.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?> { ["published"] = published, ["ids"] = ids }), TimeSpan.FromSeconds(1));

    private static string Detail(IDictionary<string, string[]> errors) =>
        string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join("; ", e.Value.Select(m => m.TrimEnd('.')))}."));
}
