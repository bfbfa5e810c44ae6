namespace Orleans.Sentiment.EndToEndTests;

/// <summary>A bad setting stops the silo at start-up with a message that names the setting.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Ingestion:MaxBatchSize", "0", "Ingestion:MaxBatchSize must be between 1 and 100000")]
    [InlineData("Slack:DefaultWebhookUrl", "not-a-url", "Slack:DefaultWebhookUrl must be an absolute http or https URL")]
    [InlineData("Models:0:Name", "orphan", "Models:0:Path must name a model folder or a hub id")]
    [InlineData("Ingestion:StreamMessageBytes", "20000", "Ingestion:StreamMessageBytes (20000) must hold the largest comment")]
    [InlineData("Ingestion:MaxInFlightPerTenant", "0", "Ingestion:MaxInFlightPerTenant must be between 1 and 10000000")]
    [InlineData("Host:ShutdownTimeout", "00:00:00", "Host:ShutdownTimeout must be between 00:00:01 and 01:00:00")]
    [InlineData("Slack:MaxRetryAfter", "02:00:00", "Slack:MaxRetryAfter must be between")]
    [InlineData("Sentiment:WindowModel", "missing", "Sentiment:WindowModel 'missing' is not one of the loaded models")]
    [InlineData("Slack:DefaultWebhookUrl", "http://169.254.169.254/hook", "Slack:DefaultWebhookUrl is not allowed")]
    [InlineData("Slack:AllowedHosts:0", "http://not/a/host", "Slack:AllowedHosts entry 'http://not/a/host'")]
    [InlineData("Models:0:Path", "./no/such/model", "Models:0:Path './no/such/model' is not an existing folder")]
    [InlineData("Auth:AdminKey", "short", "Auth:AdminKey must be at least 16 characters")]
    [InlineData("Auth:Mode", "Open", "Auth:Mode")]
    [InlineData("Ingestion:MaxRequestBytes", "10", "Ingestion:MaxRequestBytes must be between")]
    [InlineData("Ingestion:RequestsPerSecondPerTenant", "-1", "Ingestion:RequestsPerSecondPerTenant must be between")]
    [InlineData("Corrections:MaxPerTenant", "0", "Corrections:MaxPerTenant must be between")]
    [InlineData("Ingestion:ClassifyTextsPerSecond", "-1", "Ingestion:ClassifyTextsPerSecond must be between 0 and 1000000")]
    [InlineData("Auth:FailedAuthenticationsPerMinute", "-1", "Auth:FailedAuthenticationsPerMinute must be between 0 and 100000")]
    [InlineData("Metrics:MaxSourceSeriesPerTenant", "-1", "Metrics:MaxSourceSeriesPerTenant must be between 0 and 100000")]
    [InlineData("Ingestion:BacklogHorizon", "00:00:15", "Ingestion:BacklogHorizon (00:00:15) must be at most a third of Host:ShutdownTimeout (00:00:30)")]
    [InlineData("Ingestion:MinInFlight", "0", "Ingestion:MinInFlight must be between 1 and 10000000")]
    [InlineData("Nats:MaxAckPending", "0", "Nats:MaxAckPending must be between 1 and 10000")]
    [InlineData("Themes:Embedding", "pooled", "Themes:Embedding is 'pooled'; use sentence or classifier")]
    [InlineData("Themes:SentenceModel", "builtin:sentiment", "Themes:SentenceModel 'builtin:sentiment' is a classifier")]
    [InlineData("Themes:SentenceModel", "./no/such/encoder", "Themes:SentenceModel './no/such/encoder' is not an existing folder")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http or https URL")]
    public async Task Start_InvalidSetting_ExitsNamingTheSetting(string key, string value, string message) =>
        Assert.Contains(message, await StartFailureAsync(new Dictionary<string, string> { [key] = value }));

    [Fact]
    public async Task Start_AuthModeNoneOnANonLoopbackAddress_RefusesNamingTheSetting()
    {
        var failure = await StartFailureAsync(new Dictionary<string, string> { ["Auth:Mode"] = "None" }, listenAddress: "0.0.0.0");

        Assert.Contains("Auth:Mode is None but the server listens on http://0.0.0.0:", failure);
    }

    private static async Task<string> StartFailureAsync(Dictionary<string, string> settings, string listenAddress = "127.0.0.1")
    {
        var model = Directory.CreateTempSubdirectory("startup-model-").FullName;
        try
        {
            Modeling.LexiconModelBuilder.Write(model, ["negative", "positive"], [0f, 0f], new Dictionary<string, float[]>());
            if (!settings.Keys.Any(k => k.StartsWith("Models:", StringComparison.Ordinal)))
            {
                settings["Models:0:Path"] = model;
            }

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(settings, listenAddress: listenAddress));
            return failure.Message;
        }
        finally
        {
            Directory.Delete(model, recursive: true);
        }
    }
}
