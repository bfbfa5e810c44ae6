using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.TenantModels;

/// <summary>The <c>{tenant}</c> and <c>{model}</c> route values (ids of <see cref="SourceKey"/>'s form) and version ids.</summary>
internal static class ModelIds
{
    public const string VersionRule = "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-', not starting with '.'";

    /// <summary>Null when both are valid (a null <paramref name="model"/> is not checked).</summary>
    public static IResult? Check(string tenant, string? model = null)
    {
        if (RouteIds.Check(tenant) is { } invalidTenant)
        {
            return invalidTenant;
        }

        return model is null || SourceKey.IsValidId(model) ? null : Problems.Invalid("model", VersionRule);
    }

    public static bool IsValidVersion(string version) => SourceKey.IsValidId(version);

    public static IResult NotFound(string tenant, string model) =>
        TypedResults.Problem(title: "No such model.", detail: $"Tenant '{tenant}' has no model '{model}'.", statusCode: StatusCodes.Status404NotFound);
}
