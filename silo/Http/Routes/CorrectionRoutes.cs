using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Data.Corrections;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary>Human-corrected labels, appended to the tenant's corrections file for the next training run.</summary>
internal static class CorrectionRoutes
{
    public static void MapCorrections(this IEndpointRouteBuilder app) =>
        app.MapPost(ApiRoutes.Corrections, CorrectAsync)
            .WithName("Correct").WithTags("Corrections").WithSummary("Append a human-corrected label to the tenant's corrections file (train --corrections reads it).")
            .Reads<CorrectionRequest>(ApiMediaTypes.Json)
            .Answers<CorrectionDto>(StatusCodes.Status202Accepted)
            .Fails(StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> CorrectAsync(string tenant, HttpRequest request, IClusterClient cluster, CorrectionStore store, CancellationToken cancellationToken)
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
