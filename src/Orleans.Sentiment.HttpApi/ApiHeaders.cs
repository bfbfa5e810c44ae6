namespace Orleans.Sentiment.HttpApi;

/// <summary>Request headers of the API's own.</summary>
public static class ApiHeaders
{
    /// <summary>Ingestion's retry key (1–255 visible ASCII characters): a retry with the same key gets the first answer and publishes nothing.</summary>
    public const string IdempotencyKey = "Idempotency-Key";
}
