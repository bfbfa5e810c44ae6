using Orleans.Sentiment.Grains.Training;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.TenantModels;
using Orleans.Sentiment.Data.Corrections;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;
using Orleans.Sentiment.Silo.Http.TenantModels;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary>
/// Human-corrected labels. One naming a tenant model joins that model's examples in the cluster (marked as a
/// correction); one without is appended to the tenant's corrections file, for training the built-in models with the CLI.
/// </summary>
internal static class CorrectionRoutes
{
    public static void MapCorrections(this IEndpointRouteBuilder app) =>
        app.MapPost(ApiRoutes.Corrections, CorrectAsync)
            .WithName("Correct").WithTags("Corrections").WithSummary("Append a human-corrected label to the tenant's corrections file (train --corrections reads it).")
            .Reads<CorrectionRequest>(ApiMediaTypes.Json)
            .Answers<CorrectionDto>(StatusCodes.Status202Accepted)
            .Fails(StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> CorrectAsync(
        string tenant, HttpRequest request, IClusterClient cluster, CorrectionStore store, IOptions<TrainingOptions> options, IOptions<IngestionOptions> limits,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (RouteIds.Check(tenant) is { } invalid)
        {
            return invalid;
        }

        var (body, malformed) = await JsonBody.ReadAsync<CorrectionRequest>(request, cancellationToken);
        if ((malformed ?? CorrectionReader.Check(body)) is { } refused)
        {
            return refused;
        }

        var text = body!.Text;
        var source = body.Source;
        if (text is null)
        {
            var found = await FindByIdAsync(cluster, tenant, body.Source, body.Id!);
            if (found is null)
            {
                return Problems.Invalid("id", "no recent comment of this tenant has this id; send the text instead");
            }

            (text, source) = found.Value;
        }

        if (body.Model is not null)
        {
            return await CorrectModelAsync(cluster, tenant, body with { Text = text, Source = source }, options.Value, limits.Value, time);
        }

        try
        {
            var stored = await store.AppendAsync(tenant, text, body.Label ?? "", body.Id, source, cancellationToken);
            return TypedResults.Accepted((string?)null, stored.ToDto());
        }
        catch (CorrectionException e)
        {
            return Problems.Invalid(e.Field, e.Message);
        }
        catch (CorrectionQuotaException e)
        {
            return TypedResults.Problem(title: "Correction quota reached.", detail: e.Message, statusCode: StatusCodes.Status429TooManyRequests);
        }
    }

    /// <summary>A correction of a tenant model's label: one more example of that model, marked as a correction.</summary>
    private static async Task<IResult> CorrectModelAsync(
        IClusterClient cluster, string tenant, CorrectionRequest body, TrainingOptions options, IngestionOptions limits, TimeProvider time)
    {
        var name = body.Model!;
        var key = TenantModelKey.TryParseQualified(name, out var qualified) ? qualified : SourceKey.IsValidId(name) ? new TenantModelKey(tenant, name) : null;
        if (key is null || key.Tenant != tenant)
        {
            return Problems.Invalid("model", "must name one of this tenant's models: its name, or tenant:model");
        }

        if (await cluster.GetGrain<ITenantModelGrain>(key.ToString()).GetAsync() is not { } model)
        {
            return Problems.Invalid("model", $"tenant '{tenant}' has no model '{key.Model}'");
        }

        var errors = new ErrorList();
        var example = ExampleRows.Check(new ExampleRows.Row(new FieldPath("", ""), body.Text, (body.Label ?? "").Split(TenantModelDefinition.LabelSeparator)), model.Definition, limits, errors, isCorrection: true);
        if (example is null)
        {
            return Problems.Invalid(errors);
        }

        var added = await cluster.GetGrain<IExamplesGrain>(key.ToString()).AddAsync([example], options.MaxExamplesPerModel);
        if (!added.Added)
        {
            return TypedResults.Problem(title: "Example quota reached.", detail: added.Refusal, statusCode: StatusCodes.Status429TooManyRequests);
        }

        var label = string.Join(TenantModelDefinition.LabelSeparator, example.Labels);
        return TypedResults.Accepted((string?)null, new CorrectionDto(example.Text, label, time.GetUtcNow(), body.Id, body.Source, key.Model));
    }

    private static async Task<(string Text, string Source)?> FindByIdAsync(IClusterClient cluster, string tenant, string? source, string id)
    {
        var sources = source is not null ? [source] : await cluster.GetGrain<ITenantAdmissionGrain>(tenant).GetSourcesAsync();
        foreach (var candidate in sources.Where(SourceKey.IsValidId))
        {
            var comment = await cluster.GetGrain<IFeedbackSourceGrain>(new SourceKey(tenant, candidate).ToString()).FindRecentAsync(id);
            if (comment is not null)
            {
                return (comment.Text, candidate);
            }
        }

        return null;
    }
}
