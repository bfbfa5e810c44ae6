using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>The <c>{tenant}</c> and <c>{source}</c> route values: ids of <see cref="SourceKey"/>'s form, else a 400 naming each.</summary>
internal static class RouteIds
{
    private const string IdRule = "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-', not starting with '.'";

    /// <summary>Null when both are valid (a null <paramref name="source"/> is not checked).</summary>
    public static IResult? Check(string tenant, string? source = null)
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

        return errors.Count == 0 ? null : Problems.Invalid(errors);
    }
}
