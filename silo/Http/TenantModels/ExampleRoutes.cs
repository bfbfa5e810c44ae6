using Orleans.Sentiment.Grains.Training;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.TenantModels;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.TenantModels;

/// <summary>A tenant model's labelled examples: add (JSON, NDJSON or CSV), list, export for <c>client train</c>, delete.</summary>
internal static class ExampleRoutes
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    private static readonly JsonSerializerOptions ExportJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void MapExamples(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.Examples, AddAsync)
            .WithName("AddExamples").WithTags("Models").WithSummary("Add labelled examples: all of them, or none with a 400 naming each bad row.")
            .Reads<IReadOnlyList<ExampleRequest>>(ApiMediaTypes.Json, "application/json: an array of examples.")
            .Reads<ExampleRequest>(ApiMediaTypes.NdJson, "application/x-ndjson: one example per line.")
            .Reads<string>(ApiMediaTypes.Csv, "text/csv: a header row naming the text and label columns, then one example per row.")
            .Answers<AddExamplesResponse>(StatusCodes.Status201Created)
            .Fails(StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        app.MapGet(ApiRoutes.Examples, ListAsync)
            .WithName("ListExamples").WithTags("Models").WithSummary("The model's examples, oldest first, a page at a time (offset, limit 1..1000, default 100).")
            .Answers<ExamplesResponse>(StatusCodes.Status200OK)
            .Fails(StatusCodes.Status404NotFound);
        app.MapGet(ApiRoutes.ExamplesExport, ExportAsync)
            .WithName("ExportExamples").WithTags("Models")
            .WithSummary("Every example as NDJSON (format=ndjson, default: the rows train --corrections reads) or CSV (format=csv: text,label, what train --data reads).")
            .Produces<string>(StatusCodes.Status200OK, ApiMediaTypes.NdJson, ApiMediaTypes.Csv)
            .Fails(StatusCodes.Status404NotFound);
        app.MapDelete(ApiRoutes.Examples, DeleteAllAsync)
            .WithName("DeleteExamples").WithTags("Models").WithSummary("Delete every example of the model.")
            .Answers<DeleteExamplesResponse>(StatusCodes.Status200OK)
            .Fails(StatusCodes.Status404NotFound);
        app.MapDelete(ApiRoutes.Example, DeleteAsync)
            .WithName("DeleteExample").WithTags("Models").WithSummary("Delete one example by id.")
            .Produces(StatusCodes.Status204NoContent)
            .Fails(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> AddAsync(
        string tenant, string model, HttpRequest request, IClusterClient cluster, IOptions<TrainingOptions> options, IOptions<IngestionOptions> limits,
        CancellationToken cancellationToken)
    {
        if (ModelIds.Check(tenant, model) is { } invalidRoute)
        {
            return invalidRoute;
        }

        var parsed = await ExampleRows.ReadAsync(request, limits.Value, cancellationToken);
        if (parsed.Problem is not null)
        {
            return parsed.Problem;
        }

        if (await ModelRoutes.ModelGrain(cluster, tenant, model).GetAsync() is not { } found)
        {
            return ModelIds.NotFound(tenant, model);
        }

        var (examples, invalid) = ExampleRows.Check(parsed.Rows, found.Definition, limits.Value);
        if (invalid is not null)
        {
            return invalid;
        }

        var added = await ExamplesGrain(cluster, tenant, model).AddAsync(examples, options.Value.MaxExamplesPerModel);
        return added.Added
            ? TypedResults.Created(ApiRoutes.Path(ApiRoutes.Examples, tenant, model), new AddExamplesResponse(added.Ids.Count, added.Total))
            : TypedResults.Problem(title: "Example quota reached.", detail: $"{added.Refusal}; nothing of this request was added.", statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> ListAsync(string tenant, string model, string? offset, string? limit, IClusterClient cluster)
    {
        if (ModelIds.Check(tenant, model) is { } invalidRoute)
        {
            return invalidRoute;
        }

        if (LimitQuery.Check(limit, MaxLimit, "a page of the examples list", out var count) is { } invalidLimit)
        {
            return invalidLimit;
        }

        var skip = 0;
        if (offset is not null && (!int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip < 0))
        {
            return Problems.Invalid("offset", "must be a whole number, 0 or more");
        }

        if (await ModelRoutes.ModelGrain(cluster, tenant, model).GetAsync() is null)
        {
            return ModelIds.NotFound(tenant, model);
        }

        var page = await ExamplesGrain(cluster, tenant, model).ListAsync(skip, count ?? DefaultLimit);
        return TypedResults.Ok(new ExamplesResponse(page.Total, [.. page.Examples.Select(e => e.ToDto())]));
    }

    private static async Task<IResult> ExportAsync(string tenant, string model, string? format, IClusterClient cluster)
    {
        if (ModelIds.Check(tenant, model) is { } invalidRoute)
        {
            return invalidRoute;
        }

        if (format is not (null or "ndjson" or "csv"))
        {
            return Problems.Invalid("format", "must be ndjson or csv");
        }

        if (await ModelRoutes.ModelGrain(cluster, tenant, model).GetAsync() is null)
        {
            return ModelIds.NotFound(tenant, model);
        }

        var examples = await ExamplesGrain(cluster, tenant, model).ReadAllAsync();
        return format == "csv"
            ? TypedResults.Text(Csv(examples), ApiMediaTypes.Csv, Encoding.UTF8)
            : TypedResults.Text(NdJson(examples), ApiMediaTypes.NdJson, Encoding.UTF8);
    }

    private static async Task<IResult> DeleteAllAsync(string tenant, string model, IClusterClient cluster) =>
        ModelIds.Check(tenant, model)
        ?? (await ModelRoutes.ModelGrain(cluster, tenant, model).GetAsync() is null
            ? ModelIds.NotFound(tenant, model)
            : TypedResults.Ok(new DeleteExamplesResponse(await ExamplesGrain(cluster, tenant, model).DeleteAllAsync())));

    private static async Task<IResult> DeleteAsync(string tenant, string model, string id, IClusterClient cluster) =>
        ModelIds.Check(tenant, model)
        ?? (await ExamplesGrain(cluster, tenant, model).DeleteAsync(id)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "No such example.", detail: $"Model '{model}' has no example '{id}'.", statusCode: StatusCodes.Status404NotFound));

    /// <summary>
    /// One JSON object per line with <c>text</c> and <c>label</c> (several joined by '|'), as the corrections files that
    /// <c>client train --corrections</c> reads, plus <c>labels</c>, <c>id</c> and <c>correction</c>.
    /// </summary>
    private static string NdJson(IReadOnlyList<StoredExample> examples)
    {
        var lines = new StringBuilder();
        foreach (var e in examples)
        {
            var row = new Dictionary<string, object>
            {
                ["text"] = e.Text,
                ["label"] = string.Join(TenantModelDefinition.LabelSeparator, e.Labels),
                ["labels"] = e.Labels,
                ["id"] = e.Id,
                ["correction"] = e.IsCorrection,
                ["correctedAt"] = e.AddedAt,
            };
            lines.Append(JsonSerializer.Serialize(row, ExportJson)).Append('\n');
        }

        return lines.ToString();
    }

    /// <summary><c>text,label</c> rows (several labels joined by '|'), as <c>client train --data</c> reads them.</summary>
    private static string Csv(IReadOnlyList<StoredExample> examples)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteField("text");
            csv.WriteField("label");
            csv.NextRecord();
            foreach (var e in examples)
            {
                csv.WriteField(e.Text);
                csv.WriteField(string.Join(TenantModelDefinition.LabelSeparator, e.Labels));
                csv.NextRecord();
            }
        }

        return writer.ToString();
    }

    private static IExamplesGrain ExamplesGrain(IClusterClient cluster, string tenant, string model) =>
        cluster.GetGrain<IExamplesGrain>(new TenantModelKey(tenant, model).ToString());
}
