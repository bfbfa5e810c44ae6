using Orleans.Sentiment.Silo.Http.Parsing;

namespace Orleans.Sentiment.Silo.Http.TenantModels;

/// <summary>The <c>{tenant}</c> and <c>{model}</c> route values (ids, checked by <see cref="RouteIds"/>) and the answer for a model that is not defined.</summary>
internal static class ModelIds
{
    /// <summary>Null when both are valid (a null <paramref name="model"/> is not checked).</summary>
    public static IResult? Check(string tenant, string? model = null) => RouteIds.Check(("tenant", tenant), ("model", model));

    public static IResult NotFound(string tenant, string model) =>
        TypedResults.Problem(title: "No such model.", detail: $"Tenant '{tenant}' has no model '{model}'.", statusCode: StatusCodes.Status404NotFound);
}
