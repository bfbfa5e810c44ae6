namespace Orleans.Sentiment.HttpApi;

/// <summary>The media types of request and response bodies; UTF-8 throughout.</summary>
public static class ApiMediaTypes
{
    public const string Json = "application/json";

    /// <summary>One JSON object per line: comments to ingest, examples to add or export.</summary>
    public const string NdJson = "application/x-ndjson";

    /// <summary>A header row, then one example per row: examples to add or export.</summary>
    public const string Csv = "text/csv";

    /// <summary>Every error answer (RFC 9457), read as <see cref="ApiProblem"/>.</summary>
    public const string Problem = "application/problem+json";
}
