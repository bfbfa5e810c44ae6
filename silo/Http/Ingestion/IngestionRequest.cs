using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Ingestion;

/// <summary>
/// The checks in front of publishing: media type (415), size (413), parse and validation (400), then the
/// Idempotency-Key; every comment leaves with its id (<see cref="CommentIds"/>). Either <see cref="Answer"/> is set (an error, or the first answer of a retried request) and the
/// caller returns it, or the caller publishes the comments through <see cref="PublishAsync"/>, which remembers a
/// success for the key.
/// </summary>
internal sealed class IngestionRequest
{
    private readonly IIdempotencyGrain? _keys;
    private readonly string? _keyHash;
    private readonly TimeSpan _window;

    private IngestionRequest(IResult answer) => (Answer, Comments) = (answer, []);

    private IngestionRequest(IReadOnlyList<IncomingComment> comments, IIdempotencyGrain? keys, string? keyHash, TimeSpan window) =>
        (Comments, _keys, _keyHash, _window) = (comments, keys, keyHash, window);

    public IResult? Answer { get; }

    public IReadOnlyList<IncomingComment> Comments { get; }

    public static async Task<IngestionRequest> ReadAsync(HttpRequest request, string tenant, string source, CancellationToken cancellationToken)
    {
        var services = request.HttpContext.RequestServices;
        var limits = services.GetRequiredService<IOptions<IngestionOptions>>().Value;
        var mediaType = BodyMediaType.Of(request);
        if (mediaType is not (BodyMediaType.Kind.Json or BodyMediaType.Kind.NdJson))
        {
            return new(Problems.UnsupportedMediaType(BodyMediaType.Expected));
        }

        var key = IdempotencyKey.Read(request, out var keyError);
        if (keyError is not null)
        {
            return new(Problems.Invalid(IdempotencyKey.Header, keyError));
        }

        var parsed = await IngestionParser.ParseAsync(request.BodyReader, mediaType == BodyMediaType.Kind.NdJson, limits.MaxRequestBytes, limits, cancellationToken);
        if (parsed.TooLarge)
        {
            return new(Problems.TooLarge(request.HttpContext, limits.MaxRequestBytes));
        }

        if (!parsed.IsValid)
        {
            return new(Problems.Invalid(parsed.Errors));
        }

        var comments = CommentIds.Assign(parsed.Comments, tenant, source, key);
        if (key is null)
        {
            return new(comments, null, null, default);
        }

        var keyHash = IdempotencyKey.Hash(key);
        var grain = services.GetRequiredService<IClusterClient>().GetGrain<IIdempotencyGrain>($"{tenant}/{keyHash[0]}");
        var outcome = await grain.BeginAsync(keyHash, IdempotencyKey.RequestHash(source, comments));
        return outcome.Verdict switch
        {
            IdempotencyVerdict.Proceed => new(comments, grain, keyHash, limits.IdempotencyWindow),
            IdempotencyVerdict.Replay => new(Replay(outcome, comments)),
            IdempotencyVerdict.InProgress => new(TypedResults.Problem(
                title: "A request with this Idempotency-Key is in progress.",
                detail: "Retry once the first request has been answered.",
                statusCode: StatusCodes.Status409Conflict)),
            _ => new(TypedResults.Problem(
                title: "This Idempotency-Key was used for a different request.",
                detail: "An Idempotency-Key may be reused only to retry the very same request (same source and comments); use a new key for new comments.",
                statusCode: StatusCodes.Status422UnprocessableEntity)),
        };
    }

    /// <summary>
    /// Publishes <see cref="Comments"/> with <paramref name="publish"/>; with a key, remembers a successful (2xx)
    /// answer for it, or forgets the claim of a failed one so a retry is processed afresh.
    /// </summary>
    public async Task<IResult> PublishAsync(Func<IReadOnlyList<IncomingComment>, Task<IResult>> publish)
    {
        if (_keys is null || _keyHash is null)
        {
            return await publish(Comments);
        }

        IResult answer;
        try
        {
            answer = await publish(Comments);
        }
        catch
        {
            await _keys.AbandonAsync(_keyHash);
            throw;
        }

        if (answer is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 and var status })
        {
            await _keys.CompleteAsync(_keyHash, status, Comments.Count, _window);
        }
        else
        {
            await _keys.AbandonAsync(_keyHash);
        }

        return answer;
    }

    // The first answer, rebuilt: the same request with the same key carries the same comments and ids.
    private static IResult Replay(IdempotencyOutcome outcome, IReadOnlyList<IncomingComment> comments) =>
        TypedResults.Json(new IngestResponse(outcome.Accepted, comments.Select(c => c.Id!).ToArray()), statusCode: outcome.Status);
}
