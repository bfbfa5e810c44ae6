using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>Ids in routes and bodies (<c>{tenant}</c>, <c>{source}</c>, <c>{model}</c>, versions, jobs): of <see cref="SourceKey"/>'s form, else a 400 naming each.</summary>
internal static class RouteIds
{
    public const string IdRule = "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-', not starting with '.'";

    /// <summary>Null when both are valid (a null <paramref name="source"/> is not checked).</summary>
    public static IResult? Check(string tenant, string? source = null) => Check(("tenant", tenant), ("source", source));

    /// <summary>Null when every id is valid (a null value is not checked); else a 400 naming each invalid one.</summary>
    public static IResult? Check(params ReadOnlySpan<(string Name, string? Value)> ids)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in ids)
        {
            if (value is not null && !SourceKey.IsValidId(value))
            {
                errors[name] = [IdRule];
            }
        }

        return errors.Count == 0 ? null : Problems.Invalid(errors);
    }
}
