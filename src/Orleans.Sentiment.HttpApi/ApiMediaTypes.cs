namespace Orleans.Sentiment.HttpApi;

/// <summary>The media types of request and response bodies; UTF-8 throughout.</summary>
public static class ApiMediaTypes
{
    public const string Json = "application/json";

    /// <summary>One JSON comment per line; ingestion only.</summary>
    public const string NdJson = "application/x-ndjson";

    /// <summary>Every error answer (RFC 9457), read as <see cref="ApiProblem"/>.</summary>
    public const string Problem = "application/problem+json";
}
