using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>The <c>models</c> verbs of the CLI against a silo process.</summary>
[Collection(SiloCollection.Name)]
public sealed class ModelsCliEndToEndTests(SiloFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cli-models-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task CreateAddExportAndDelete_ThroughTheCli_MatchTheStore()
    {
        var url = fixture.Silo.BaseUrl.ToString();
        var file = Path.Combine(_directory, "reviews.csv");
        await File.WriteAllLinesAsync(file, ["review,kind", "\"Crashes, every time\",Stability", "Add an export button,feature"]);

        var created = await CliProcess.RunAsync("models", "create", "kinds", "--tenant", "cli-models", "--labels", "feature,Stability", "--url", url);
        var added = await CliProcess.RunAsync("models", "examples", "add", "kinds", file, "--tenant", "cli-models", "--text-column", "review", "--label-column", "kind", "--url", url);
        var exported = Path.Combine(_directory, "export.csv");
        var export = await CliProcess.RunAsync("models", "examples", "export", "kinds", "--tenant", "cli-models", "--format", "csv", "--out", exported, "--url", url);
        var refused = await CliProcess.RunAsync("models", "activate", "kinds", "v1", "--tenant", "cli-models", "--url", url);

        Assert.Equal(0, created.ExitCode);
        Assert.Equal(0, added.ExitCode);
        Assert.Contains("Added 2 examples", added.Output);
        Assert.Equal(0, export.ExitCode);
        Assert.Equal(["text,label", "\"Crashes, every time\",Stability", "Add an export button,feature"], await File.ReadAllLinesAsync(exported));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("no version 'v1'", refused.Output);

        var delete = await CliProcess.RunAsync("models", "examples", "delete", "kinds", "--tenant", "cli-models", "--all", "--url", url);
        Assert.Equal(0, delete.ExitCode);
        Assert.Equal(0, (int?)(await fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/cli-models/models/kinds/examples"))!["total"]);

        var deleted = await CliProcess.RunAsync("models", "delete", "kinds", "--tenant", "cli-models", "--url", url);
        var deletedAgain = await CliProcess.RunAsync("models", "delete", "kinds", "--tenant", "cli-models", "--url", url);
        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync("/v1/tenants/cli-models/models/kinds")).StatusCode);
        Assert.Equal(1, deletedAgain.ExitCode);
        Assert.Contains("has no model 'kinds'", deletedAgain.Output);
    }

    [Fact]
    public async Task ExamplesAdd_AnUnknownLabel_IsRefusedNamingTheRow()
    {
        var url = fixture.Silo.BaseUrl.ToString();
        var file = Path.Combine(_directory, "bad.csv");
        await File.WriteAllLinesAsync(file, ["text,label", "Fine,feature", "Slow,speed"]);
        await CliProcess.RunAsync("models", "create", "kinds", "--tenant", "cli-bad", "--labels", "feature,Stability", "--url", url);

        var added = await CliProcess.RunAsync("models", "examples", "add", "kinds", file, "--tenant", "cli-bad", "--url", url);

        Assert.Equal(1, added.ExitCode);
        Assert.Contains("[1].label", added.Output);
        Assert.Contains("'speed' is not a label", added.Output);
    }
}
