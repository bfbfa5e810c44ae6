using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.HttpApi;

/// <summary>One comment of an ingestion batch; the silo assigns an id where none is given, and the time of arrival where no timestamp is.</summary>
public sealed record IncomingComment(
    [property: Description("Unique per source; a re-sent comment with the same id is counted once.")] string? Id,
    [property: Required] string? Text,
    DateTimeOffset? Timestamp);

/// <summary>202: the whole batch is on the stream.</summary>
public sealed record IngestResponse(int Accepted, IReadOnlyList<string> Ids);
