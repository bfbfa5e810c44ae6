namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// What a newcomer's first start shows: a silo with no model configured builds the built-in models into a fresh
/// folder and says so at Information, and its readiness probes while the models load log no failure.
/// </summary>
public sealed class BuiltInModelsSiloTests(BuiltInModelsSiloFixture fixture) : IClassFixture<BuiltInModelsSiloFixture>
{
    [Fact]
    public void Start_NoModelConfigured_SaysSoAtInformation()
    {
        var entry = Assert.Single(SiloLog.Containing(fixture.Silo.Output, "No model configured: using the built-in models"));

        Assert.Equal("info", entry.Level);
    }

    [Fact]
    public void Start_BuiltInModels_NamesTheirFolderOnceAtInformation()
    {
        var entry = Assert.Single(SiloLog.Containing(fixture.Silo.Output, "Built-in models folder: "));

        Assert.Equal("info", entry.Level);
        var folder = entry.Message["Built-in models folder: ".Length..].Split(' ')[0];
        Assert.StartsWith(Path.Combine(fixture.ModelsDirectory, "builtin-"), folder, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(folder, "sentiment")), $"{folder} holds no sentiment model");
    }

    [Fact]
    public async Task ReadinessProbe_WhileModelsLoad_LogsOneInformationLineAndNoFailure()
    {
        using var http = new HttpClient { BaseAddress = fixture.Silo.BaseUrl };
        for (var i = 0; i < 3; i++)
        {
            using var ready = await http.GetAsync("/health/ready");
            Assert.True(ready.IsSuccessStatusCode);
        }

        var output = fixture.Silo.Output;
        var notReadyProbes = SiloLog.Entries(output).Count(e => e.Message.Contains("GET http", StringComparison.Ordinal) && e.Message.Contains("/health/ready - 503", StringComparison.Ordinal));
        Assert.True(notReadyProbes >= 2, $"expected several probes while the models loaded, saw {notReadyProbes}:\n{output}");
        var loading = Assert.Single(SiloLog.Containing(output, "Readiness check 'models' is not ready yet: Models are loading."));
        Assert.Equal("info", loading.Level);
        var passes = Assert.Single(SiloLog.Containing(output, "Readiness check 'models' passes"));
        Assert.Equal("info", passes.Level);
        Assert.DoesNotContain(SiloLog.Entries(output), e => e.Level is "fail" or "crit");
    }
}

/// <summary>One silo with no model configured and an empty folder for the built-in models (built at its start).</summary>
public sealed class BuiltInModelsSiloFixture : IAsyncLifetime
{
    public string ModelsDirectory { get; } = Directory.CreateTempSubdirectory("e2e-builtin-models-").FullName;

    public SiloProcess Silo { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Silo = await SiloProcess.StartAsync(new Dictionary<string, string>
        {
            ["Inference:CacheDirectory"] = ModelsDirectory,
            // One line per request, so the tests can count the readiness probes answered while the models loaded.
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        Directory.Delete(ModelsDirectory, recursive: true);
    }
}
