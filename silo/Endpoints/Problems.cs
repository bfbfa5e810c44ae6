namespace Orleans.Sentiment.Silo.Endpoints;

/// <summary>400 answers as RFC 9457 problem details whose "errors" name each offending field.</summary>
internal static class Problems
{
    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is invalid.", detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join("; ", e.Value)}.")));

    /// <summary>Checks the tenant and source route values; null when both are valid.</summary>
    public static IResult? CheckRoute(string tenant, string? source = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Contracts.SourceKey.IsValidId(tenant))
        {
            errors["tenant"] = ["must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'"];
        }

        if (source is not null && !Contracts.SourceKey.IsValidId(source))
        {
            errors["source"] = ["must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'"];
        }

        return errors.Count == 0 ? null : Invalid(errors);
    }
}
