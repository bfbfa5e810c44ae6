using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>Tenant models over HTTP against a silo process (fixture: 3 models per tenant, 50 examples per model).</summary>
[Collection(SiloCollection.Name)]
public sealed class TenantModelsEndToEndTests(SiloFixture fixture)
{
    private const string Definition = """{"labels":["feature","Stability","performance"]}""";

    [Fact]
    public async Task Define_AddExamplesInEachFormat_ListExportAndDelete()
    {
        Assert.Equal(HttpStatusCode.Created, (await PutAsync("/v1/tenants/flow/models/requirements", Definition)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync("/v1/tenants/flow/models/requirements", Definition)).StatusCode);

        var json = await PostAsync("/v1/tenants/flow/models/requirements/examples", """[{"text":"Add a dark mode","label":"feature"},{"text":"It crashes on start","label":"stability"}]""", "application/json");
        var ndjson = await PostAsync("/v1/tenants/flow/models/requirements/examples", "{\"text\":\"So slow to load\",\"label\":\"performance\"}\n", "application/x-ndjson");
        var csv = await PostAsync("/v1/tenants/flow/models/requirements/examples", "text,label\n\"Freezes, then closes\",Stability\n", "text/csv");

        Assert.Equal(HttpStatusCode.Created, json.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ndjson.StatusCode);
        Assert.Equal(4, (int?)(await csv.Content.ReadFromJsonAsync<JsonObject>())!["total"]);

        var page = (await fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/flow/models/requirements/examples?offset=1&limit=2"))!;
        Assert.Equal(4, (int?)page["total"]);
        Assert.Equal(["It crashes on start", "So slow to load"], page["examples"]!.AsArray().Select(e => (string?)e!["text"]));
        Assert.Equal("Stability", (string?)page["examples"]![0]!["labels"]![0]);

        var export = await fixture.Http.GetStringAsync("/v1/tenants/flow/models/requirements/examples/export");
        var rows = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["feature", "Stability", "performance", "Stability"], rows.Select(r => (string?)r["label"]));
        Assert.StartsWith("text,label\r\nAdd a dark mode,feature\r\n", await fixture.Http.GetStringAsync("/v1/tenants/flow/models/requirements/examples/export?format=csv"), StringComparison.Ordinal);

        var firstId = (string)rows[0]["id"]!;
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Http.DeleteAsync($"/v1/tenants/flow/models/requirements/examples/{firstId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.DeleteAsync($"/v1/tenants/flow/models/requirements/examples/{firstId}")).StatusCode);
        var deleted = await fixture.Http.DeleteAsync("/v1/tenants/flow/models/requirements/examples");
        Assert.Equal(3, (int?)(await deleted.Content.ReadFromJsonAsync<JsonObject>())!["deleted"]);
    }

    [Theory]
    [InlineData("application/json", """[{"text":"fine","label":"feature"},{"text":"fine","label":"pricing"}]""", "[1].label")]
    [InlineData("application/json", """[{"text":"   ","label":"feature"}]""", "[0].text")]
    [InlineData("application/json", """[{"text":"two","label":["feature","performance"]}]""", "[0].label")]
    [InlineData("application/x-ndjson", "{\"text\":\"fine\",\"label\":\"feature\"}\n{\"label\":\"feature\"}\n", "line 2")]
    [InlineData("text/csv", "text,label\nfine,feature\nslow,speed\n", "line 3: label")]
    [InlineData("text/csv", "words,label\nfine,feature\n", "body")]
    public async Task AddExamples_BadRows_Returns400NamingTheRowAndAddsNothing(string mediaType, string body, string field)
    {
        await PutAsync("/v1/tenants/badrows/models/requirements", Definition);

        var response = await PostAsync("/v1/tenants/badrows/models/requirements/examples", body, mediaType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.Any(e => e.Key.StartsWith(field, StringComparison.Ordinal)), errors.ToJsonString());
        var page = await fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/badrows/models/requirements/examples");
        Assert.Equal(0, (int?)page!["total"]);
    }

    [Fact]
    public async Task AddExamples_TextLongerThanTheIngestionLimit_Returns400()
    {
        await PutAsync("/v1/tenants/longtext/models/requirements", Definition);
        var text = new string('a', 10_001);

        var response = await PostAsync("/v1/tenants/longtext/models/requirements/examples", $$"""[{"text":"{{text}}","label":"feature"}]""", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ingestion:MaxTextLength", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"labels":["only"]}""", "labels")]
    [InlineData("""{"labels":["a","A"]}""", "labels")]
    [InlineData("""{"labels":["a","b|c"]}""", "labels[1]")]
    [InlineData("""{"labels":["a","b"],"base":"/etc"}""", "base")]
    [InlineData("""{"labels":["a","b"],"base":"builtin:sentiment"}""", "base")]
    [InlineData("""{"labels":["a","b"],"base":"builtin:nothing"}""", "base")]
    public async Task Define_Invalid_Returns400NamingTheField(string body, string field)
    {
        var response = await PutAsync("/v1/tenants/baddef/models/m", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), errors.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync("/v1/tenants/baddef/models/m")).StatusCode);
    }

    [Fact]
    public async Task Quotas_MoreModelsOrExamples_Answer429()
    {
        for (var i = 0; i < SiloFixture.MaxModelsPerTenant; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await PutAsync($"/v1/tenants/quota/models/m{i}", Definition)).StatusCode);
        }

        var model = await PutAsync("/v1/tenants/quota/models/one-more", Definition);
        var rows = string.Join(",", Enumerable.Range(0, SiloFixture.MaxExamplesPerModel + 1).Select(i => $$"""{"text":"text {{i}}","label":"feature"}"""));
        var examples = await PostAsync("/v1/tenants/quota/models/m0/examples", $"[{rows}]", "application/json");

        Assert.Equal(HttpStatusCode.TooManyRequests, model.StatusCode);
        Assert.Contains("Training:MaxModelsPerTenant", await model.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, examples.StatusCode);
        Assert.Contains("Training:MaxExamplesPerModel", await examples.Content.ReadAsStringAsync());
        Assert.Equal(SiloFixture.MaxModelsPerTenant, (await fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/quota/models"))!["models"]!.AsArray().Count);
    }

    [Fact]
    public async Task DeleteModel_RefusedWhileAVersionTrains_ThenFreesItsSlotAndLeavesNothingBehind()
    {
        for (var i = 0; i < SiloFixture.MaxModelsPerTenant; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await PutAsync($"/v1/tenants/delete/models/m{i}", Definition)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await PostAsync("/v1/tenants/delete/models/m0/examples", """[{"text":"Add a dark mode","label":"feature"}]""", "application/json")).StatusCode);
        await using var grains = await SiloGrainClient.ConnectAsync(fixture.Silo);
        var model = grains.Cluster.GetGrain<ITenantModelGrain>("delete/m0");
        await TrainAsync(model, "v1", 0.70, autoActivate: true);
        await model.CreateVersionAsync("v2", "job-v2", autoActivate: false);

        var refused = await fixture.Http.DeleteAsync("/v1/tenants/delete/models/m0");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(["job-v2"], (await refused.Content.ReadFromJsonAsync<JsonObject>())!["jobs"]!.AsArray().Select(j => (string?)j));

        await model.FailVersionAsync("v2", "cancelled");
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Http.DeleteAsync("/v1/tenants/delete/models/m0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.DeleteAsync("/v1/tenants/delete/models/m0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync("/v1/tenants/delete/models/m0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync("/v1/tenants/delete/models/m0/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync("/v1/tenants/delete/models/m0/examples")).StatusCode);
        var listed = (await fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/delete/models"))!["models"]!.AsArray();
        Assert.Equal(["m1", "m2"], listed.Select(m => (string?)m!["name"]));

        // The freed slot takes a new model; one of the deleted name starts without versions or examples.
        Assert.Equal(HttpStatusCode.Created, (await PutAsync("/v1/tenants/delete/models/m0", Definition)).StatusCode);
        Assert.Empty((await fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/delete/models/m0/versions"))!["versions"]!.AsArray());
        Assert.Equal(0, (int?)(await fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/delete/models/m0/examples"))!["total"]);
    }

    [Fact]
    public async Task Versions_CompletedByATrainer_AreGatedActivatedForcedAndRolledBack()
    {
        await PutAsync("/v1/tenants/versions/models/requirements", Definition);
        await using var grains = await SiloGrainClient.ConnectAsync(fixture.Silo);
        var model = grains.Cluster.GetGrain<ITenantModelGrain>("versions/requirements");
        await TrainAsync(model, "v1", 0.70, autoActivate: true);
        await TrainAsync(model, "v2", 0.50, autoActivate: true);

        var shown = (await fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/versions/models/requirements"))!;
        Assert.Equal("v1", (string?)shown["activeVersion"]);
        var metrics = await fixture.Http.GetStringAsync("/metrics");
        Assert.True(MetricsScrape.Sum(metrics, "orleans_sentiment_tenant_models_serving") >= 1, "The serving gauge does not count the active version.");
        var versions = (await fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/versions/models/requirements/versions"))!["versions"]!.AsArray();
        Assert.Equal(["active", "ready"], versions.Select(v => (string?)v!["status"]));
        Assert.Equal(0.5, (double?)versions[1]!["training"]!["heldOutMacroF1"]);
        Assert.Equal("PT30S", (string?)versions[1]!["training"]!["duration"]);

        var refused = await PutAsync("/v1/tenants/versions/models/requirements/active", """{"version":"v2"}""");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var gate = (await refused.Content.ReadFromJsonAsync<JsonObject>())!["gate"]!;
        Assert.Equal((0.5, 0.7), ((double)gate["candidateMacroF1"]!, (double)gate["activeMacroF1"]!));

        var forced = await PutAsync("/v1/tenants/versions/models/requirements/active", """{"version":"v2","force":true}""");
        Assert.Equal("v2", (string?)(await forced.Content.ReadFromJsonAsync<JsonObject>())!["activeVersion"]);

        var rolledBack = await PutAsync("/v1/tenants/versions/models/requirements/active", """{"rollback":true}""");
        Assert.Equal("v1", (string?)(await rolledBack.Content.ReadFromJsonAsync<JsonObject>())!["activeVersion"]);

        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync("/v1/tenants/versions/models/requirements/active", """{"version":"v9"}""")).StatusCode);
    }

    [Fact]
    public async Task Correction_NamingATenantModel_JoinsItsExamples()
    {
        await PutAsync("/v1/tenants/fixmodel/models/requirements", Definition);

        var accepted = await PostAsync("/v1/tenants/fixmodel/corrections", """{"text":"Takes ages to sync","label":"performance","model":"fixmodel:requirements"}""", "application/json");
        var unknown = await PostAsync("/v1/tenants/fixmodel/corrections", """{"text":"Takes ages","label":"negative","model":"requirements"}""", "application/json");
        var foreign = await PostAsync("/v1/tenants/fixmodel/corrections", """{"text":"Takes ages","label":"performance","model":"other:requirements"}""", "application/json");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("\"label\"", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        var stored = (await fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/fixmodel/models/requirements/examples"))!["examples"]!.AsArray().Single()!;
        Assert.True((bool)stored["correction"]!);
        Assert.False(File.Exists(Path.Combine(fixture.CorrectionsDirectory, "fixmodel.jsonl")));
    }

    private Task<HttpResponseMessage> PutAsync(string path, string json) =>
        fixture.Http.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private Task<HttpResponseMessage> PostAsync(string path, string body, string mediaType) =>
        fixture.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, mediaType));

    private static async Task TrainAsync(ITenantModelGrain model, string versionId, double macroF1, bool autoActivate)
    {
        await model.CreateVersionAsync(versionId, "job-" + versionId, autoActivate);
        await model.MarkTrainingAsync(versionId);
        await model.CompleteVersionAsync(versionId, new TrainedVersion(
            new Dictionary<string, byte[]> { ["head_config.json"] = "{}"u8.ToArray() }, "head", macroF1, null,
            new Dictionary<string, double>(), 80, 10, 10, 40, TimeSpan.FromSeconds(30), new Dictionary<string, string>(), 42));
    }
}
