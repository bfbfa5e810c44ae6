using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Auth;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary><c>POST /v1/classify</c>: labels texts synchronously, within the caller's text rate.</summary>
internal static class ClassifyRoutes
{
    public static void MapClassify(this IEndpointRouteBuilder app) =>
        app.MapPost(ApiRoutes.Classify, ClassifyAsync)
            .WithName("Classify").WithTags("Classification")
            .WithSummary("Classify texts synchronously with every model; at most Ingestion:ClassifyTextsPerSecond texts a second per caller.")
            .Reads<ClassifyRequest>(ApiMediaTypes.Json)
            .Answers<ClassifyResponse>(StatusCodes.Status200OK)
            .Fails(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> ClassifyAsync(HttpRequest request, IClusterClient cluster, IOptions<IngestionOptions> limits, ClassifyRateLimit rate, CancellationToken cancellationToken)
    {
        if (BodyMediaType.Of(request) != BodyMediaType.Kind.Json)
        {
            return Problems.UnsupportedMediaType("This route reads application/json (UTF-8).");
        }

        var parsed = await ClassifyRequestParser.ParseAsync(request.BodyReader, limits.Value.MaxRequestBytes, limits.Value, cancellationToken);
        if (parsed.TooLarge)
        {
            return Problems.TooLarge(request.HttpContext, limits.Value.MaxRequestBytes);
        }

        if (parsed.Errors.Any)
        {
            return Problems.Invalid(parsed.Errors);
        }

        if (rate.Refuse(request.HttpContext, parsed.Texts.Count) is { } refused)
        {
            return refused;
        }

        var texts = parsed.Texts;
        // A tenant key's texts share the model with that tenant's comments; callers without one share a lane of their own.
        var tenant = request.HttpContext.User.FindFirst(ApiKeyAuthenticationHandler.TenantClaim)?.Value ?? "";
        var outcomes = await cluster.GetGrain<IClassifierGrain>(0).ClassifyAsync(tenant, texts.ToArray(), null, anyLanguage: false);
        if (outcomes.Select((o, i) => (o, i)).FirstOrDefault(p => !p.o.Succeeded) is { o: not null } failed)
        {
            throw new InvalidOperationException($"The models failed on text [{failed.i}]: {failed.o.Failure}");
        }

        var results = outcomes
            .Select((o, i) => new ClassifiedItemDto(null, texts[i], null, o.Predictions!.ToDto()) { Language = o.Language?.ToDto() })
            .ToArray();
        return TypedResults.Ok(new ClassifyResponse(results));
    }
}
