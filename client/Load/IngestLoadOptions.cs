namespace Orleans.Sentiment.Client.Load;

/// <summary>
/// What <c>bench-ingest</c> drives: N clients for a duration, posting batches with ids to a tenant's sources, a quiet
/// tenant probing beside them (unless <see cref="QuietInterval"/> is null), and the silos whose metrics it reads.
/// </summary>
internal sealed record IngestLoadOptions(
    Uri Url,
    string? ApiKey,
    string Tenant,
    int Clients,
    TimeSpan Duration,
    int Sources,
    int BatchSize,
    TimeSpan SettleTimeout,
    TimeSpan? QuietInterval,
    IReadOnlyList<Uri> MetricsUrls,
    TimeSpan IdleTime);
