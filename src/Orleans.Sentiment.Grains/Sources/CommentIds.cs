using System.Security.Cryptography;
using System.Text;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// The one place a comment gets its id. An id names a comment within its source: the source grain counts each id once
/// (<see cref="RecentIds"/>) and the tenant's admission ledger holds room for it once. Ingestion gives every comment its
/// id before admission and publishing (<see cref="Assign"/>): the client's own, kept as sent once <see cref="Problem"/>
/// accepts it; with an Idempotency-Key, one derived from tenant, source, key and position, so a retry of the request
/// carries the same ids; otherwise a new one. A comment that reaches its source without an id (published on the stream
/// by another producer) gets a new one there (<see cref="OrNew"/>); being new at each delivery, such an id cannot
/// recognise a redelivery, which is why ingestion assigns ids before publishing.
/// </summary>
public static class CommentIds
{
    /// <summary>A new id: a version 7 GUID as 32 hex digits, time-ordered, so recent ids sort last.</summary>
    public static string New() => Guid.CreateVersion7().ToString("N");

    /// <summary>Why a client's id is refused, or null when it is accepted: 1 to <paramref name="maxLength"/> characters, not all whitespace, no control characters (ids end up in logs and keys).</summary>
    public static string? Problem(string id, int maxLength) =>
        string.IsNullOrWhiteSpace(id) || id.Length > maxLength || id.Any(char.IsControl)
            ? $"must be 1 to {maxLength} characters without control characters when given"
            : null;

    /// <summary>Every comment of an ingestion request with its id, in order; those without one get it here.</summary>
    /// <param name="comments">The request's comments, their ids already checked.</param>
    /// <param name="tenant">The tenant the comments are for.</param>
    /// <param name="source">Their source.</param>
    /// <param name="idempotencyKey">The request's Idempotency-Key, or null.</param>
    public static IReadOnlyList<IncomingComment> Assign(IReadOnlyList<IncomingComment> comments, string tenant, string source, string? idempotencyKey) =>
        comments.Select((c, i) => c.Id is not null ? c : c with { Id = idempotencyKey is null ? New() : Derived(tenant, source, idempotencyKey, i) }).ToArray();

    /// <summary>The id a comment arrived with, or a new one when it has none.</summary>
    public static string OrNew(string? id) => string.IsNullOrEmpty(id) ? New() : id;

    private static string Derived(string tenant, string source, string idempotencyKey, int index)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenant}\n{source}\n{idempotencyKey}\n{index}"));
        return "k" + Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }
}
