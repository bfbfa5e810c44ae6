namespace Orleans.Sentiment.Contracts;

/// <summary>Names shared by the silo, grains and clients.</summary>
public static class Constants
{
    /// <summary>Stream provider that carries incoming comments.</summary>
    public const string StreamProviderName = "CommentStream";

    /// <summary>Stream namespace; the stream key is "{tenant}/{source}".</summary>
    public const string CommentsNamespace = "comments";

    /// <summary>Grain storage for per-source state.</summary>
    public const string StorageName = "sentiment";

    /// <summary>Meter of the project's own metrics.</summary>
    public const string MeterName = "Orleans.Sentiment";

    /// <summary>ActivitySource of the project's own spans (publish, process batch, classify, model call, alert, alert post).</summary>
    public const string ActivitySourceName = "Orleans.Sentiment";
}
