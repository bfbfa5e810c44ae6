using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Catalog;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.TenantModels;

/// <summary>A tenant's own models: define, list, show, list versions, choose the version that serves, and delete.</summary>
internal static class ModelRoutes
{
    public static void MapTenantModels(this IEndpointRouteBuilder app)
    {
        app.MapPut(ApiRoutes.Model, DefineAsync)
            .WithName("DefineModel").WithTags("Models").WithSummary("Define a tenant model: its labels, single- or multi-label, and base. Defining it again the same way changes nothing.")
            .Reads<DefineModelRequest>(ApiMediaTypes.Json)
            .Answers<TenantModelDto>(StatusCodes.Status201Created)
            .Answers<TenantModelDto>(StatusCodes.Status200OK)
            .Fails(StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests);
        app.MapGet(ApiRoutes.Models, ListAsync)
            .WithName("ListModels").WithTags("Models").WithSummary("The tenant's models, sorted by name, with their versions.")
            .Answers<TenantModelsResponse>(StatusCodes.Status200OK);
        app.MapGet(ApiRoutes.Model, GetAsync)
            .WithName("GetModel").WithTags("Models").WithSummary("One tenant model with its versions.")
            .Answers<TenantModelDto>(StatusCodes.Status200OK)
            .Fails(StatusCodes.Status404NotFound);
        app.MapGet(ApiRoutes.ModelVersions, ListVersionsAsync)
            .WithName("ListModelVersions").WithTags("Models").WithSummary("The model's versions, oldest first: status, training record, evaluation figures.")
            .Answers<ModelVersionsResponse>(StatusCodes.Status200OK)
            .Fails(StatusCodes.Status404NotFound);
        app.MapPut(ApiRoutes.ModelActive, ActivateAsync)
            .WithName("ActivateModelVersion").WithTags("Models")
            .WithSummary("Choose the version that serves (through the evaluation gate unless forced), roll back to an earlier one, or stop serving (version null).")
            .Reads<ActivateRequest>(ApiMediaTypes.Json)
            .Answers<TenantModelDto>(StatusCodes.Status200OK)
            .Fails(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        app.MapDelete(ApiRoutes.Model, DeleteAsync)
            .WithName("DeleteModel").WithTags("Models")
            .WithSummary("Delete a tenant model with its versions, artifacts and examples; silos stop serving it within seconds and its quota slot is free. 409 while a version is queued or training: cancel its job first.")
            .Produces(StatusCodes.Status204NoContent)
            .Fails(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> DefineAsync(string tenant, string model, HttpRequest request, IClusterClient cluster, CancellationToken cancellationToken)
    {
        if (ModelIds.Check(tenant, model) is { } invalidRoute)
        {
            return invalidRoute;
        }

        var (body, malformed) = await JsonBody.ReadAsync<DefineModelRequest>(request, cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }

        var definition = new TenantModelDefinition([.. body?.Labels ?? []], body?.MultiLabel ?? false, body?.Base ?? TenantModelDefinition.DefaultBaseModel);
        var errors = definition.Validate().ToDictionary(e => e.Key, e => new[] { e.Value });
        if (BaseProblem(definition.BaseModel) is { } baseProblem)
        {
            errors["base"] = [baseProblem];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var outcome = await ModelGrain(cluster, tenant, model).DefineAsync(definition with { BaseModel = ModelReference.Parse(definition.BaseModel, "base").ToString() });
        return outcome.Status switch
        {
            DefineModelStatus.Created => TypedResults.Created(ApiRoutes.Path(ApiRoutes.Model, tenant, model), outcome.Model!.ToDto()),
            DefineModelStatus.Unchanged => TypedResults.Ok(outcome.Model!.ToDto()),
            DefineModelStatus.Conflict => TypedResults.Problem(title: "The model is defined otherwise.", detail: outcome.Detail, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(title: "Model quota reached.", detail: outcome.Detail, statusCode: StatusCodes.Status429TooManyRequests),
        };
    }

    private static async Task<IResult> ListAsync(string tenant, IClusterClient cluster)
    {
        if (ModelIds.Check(tenant) is { } invalid)
        {
            return invalid;
        }

        var names = await cluster.GetGrain<ITenantModelCatalogGrain>(tenant).ListAsync();
        var models = await Task.WhenAll(names.Select(name => ModelGrain(cluster, tenant, name).GetAsync()));
        return TypedResults.Ok(new TenantModelsResponse([.. models.OfType<TenantModelSnapshot>().Select(m => m.ToDto())]));
    }

    private static async Task<IResult> GetAsync(string tenant, string model, IClusterClient cluster) =>
        ModelIds.Check(tenant, model)
        ?? (await ModelGrain(cluster, tenant, model).GetAsync() is { } found ? TypedResults.Ok(found.ToDto()) : ModelIds.NotFound(tenant, model));

    private static async Task<IResult> ListVersionsAsync(string tenant, string model, IClusterClient cluster) =>
        ModelIds.Check(tenant, model)
        ?? (await ModelGrain(cluster, tenant, model).GetAsync() is { } found
            ? TypedResults.Ok(new ModelVersionsResponse([.. found.Versions.Select(v => v.ToDto())]))
            : ModelIds.NotFound(tenant, model));

    private static async Task<IResult> ActivateAsync(string tenant, string model, HttpRequest request, IClusterClient cluster, CancellationToken cancellationToken)
    {
        if (ModelIds.Check(tenant, model) is { } invalidRoute)
        {
            return invalidRoute;
        }

        var (body, malformed) = await JsonBody.ReadAsync<ActivateRequest>(request, cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }

        if (RouteIds.Check(("version", body?.Version)) is { } invalidVersion)
        {
            return invalidVersion;
        }

        var grain = ModelGrain(cluster, tenant, model);
        var outcome = body?.Rollback == true
            ? await grain.RollbackAsync(body.Version)
            : await grain.ActivateAsync(body?.Version, body?.Force ?? false);
        return outcome.Result switch
        {
            ActivationResult.Done => TypedResults.Ok(outcome.Model!.ToDto()),
            ActivationResult.NotFound => TypedResults.Problem(title: "Not found.", detail: outcome.Detail, statusCode: StatusCodes.Status404NotFound),
            ActivationResult.NotServable => TypedResults.Problem(title: "The version cannot serve.", detail: outcome.Detail, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(title: "The evaluation gate refused the version.", detail: outcome.Detail, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["gate"] = outcome.Gate!.ToDto() }),
        };
    }

    private static async Task<IResult> DeleteAsync(string tenant, string model, IClusterClient cluster)
    {
        if (ModelIds.Check(tenant, model) is { } invalidRoute)
        {
            return invalidRoute;
        }

        var outcome = await ModelGrain(cluster, tenant, model).DeleteAsync();
        return outcome.Result switch
        {
            DeleteModelResult.Deleted => TypedResults.NoContent(),
            DeleteModelResult.NotFound => ModelIds.NotFound(tenant, model),
            _ => TypedResults.Problem(title: "A version of the model is queued or training.", detail: outcome.Detail, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["jobs"] = outcome.Jobs }),
        };
    }

    /// <summary>
    /// A tenant's base is a reference the CLI accepts that names a base encoder: <c>builtin:minilm</c> or a hub id. Not
    /// a folder: a tenant must not make a silo read a path of its disk; not a built-in classifier, which is no encoder to adapt.
    /// </summary>
    private static string? BaseProblem(string reference)
    {
        try
        {
            return ModelReference.Parse(reference, "base").Kind is ModelReferenceKind.BaseEncoder or ModelReferenceKind.Hub
                ? null
                : $"must be {ModelReference.BuiltInPrefix}{ModelReference.MiniLm} or a Hugging Face hub id (org/name); folders and built-in classifiers cannot be a tenant model's base";
        }
        catch (ModelFolderException e)
        {
            return e.Message;
        }
    }

    public static ITenantModelGrain ModelGrain(IClusterClient cluster, string tenant, string model) =>
        cluster.GetGrain<ITenantModelGrain>(new TenantModelKey(tenant, model).ToString());
}
