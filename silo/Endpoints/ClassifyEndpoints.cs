using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Silo.Hosting;

namespace Orleans.Sentiment.Silo.Endpoints;

internal static class ClassifyEndpoints
{
    public static void MapClassify(this IEndpointRouteBuilder app) => app.MapPost("/v1/classify", ClassifyAsync);

    private static async Task<IResult> ClassifyAsync(HttpRequest request, IClusterClient cluster, IOptions<IngestionOptions> limits, CancellationToken cancellationToken)
    {
        var (body, malformed) = await ApiJson.ReadAsync<ClassifyRequest>(request, cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }

        if (body?.Texts is not { Count: > 0 } texts)
        {
            return Problems.Invalid("texts", "must be a non-empty array of strings");
        }

        if (texts.Count > limits.Value.MaxBatchSize)
        {
            return Problems.Invalid("texts", $"holds more than the maximum of {limits.Value.MaxBatchSize} texts (Ingestion:MaxBatchSize)");
        }

        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i]))
            {
                errors[$"texts[{i}]"] = ["must not be empty or whitespace"];
            }
            else if (texts[i]!.Length > limits.Value.MaxTextLength)
            {
                errors[$"texts[{i}]"] = [$"is longer than the maximum of {limits.Value.MaxTextLength} characters (Ingestion:MaxTextLength)"];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var predictions = await cluster.GetGrain<IClassifierGrain>(0).ClassifyAsync(texts.Select(t => t!).ToArray());
        var results = predictions
            .Select((p, i) => new ClassifiedItemDto(null, texts[i], null, p.ToDictionary(m => m.Key, m => PredictionDto.From(m.Value))))
            .ToArray();
        return TypedResults.Ok(new ClassifyResponse(results));
    }
}
