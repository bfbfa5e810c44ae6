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
    public async Task Start_InvalidSetting_ExitsNamingTheSetting(string key, string value, string message)
    {
        var model = Directory.CreateTempSubdirectory("startup-model-").FullName;
        try
        {
            Modeling.LexiconModelBuilder.Write(model, ["negative", "positive"], [0f, 0f], new Dictionary<string, float[]>());
            var settings = new Dictionary<string, string> { [key] = value };
            if (!key.StartsWith("Models:", StringComparison.Ordinal))
            {
                settings["Models:0:Path"] = model;
            }

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(settings));

            Assert.Contains(message, failure.Message);
        }
        finally
        {
            Directory.Delete(model, recursive: true);
        }
    }
}
