using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// The tenant's whole loop in one silo process with the default (trainer) build and the built-in models: define a
/// model, add examples, train a version in the silo with the real trainer, let the gate activate it, run it on a
/// source, and read its labels back from the source's comments and window, while another tenant's source never
/// sees it. The training time budget is cut to seconds so the test stays short; the labels are still learned because
/// the examples are clearly separable.
/// </summary>
public sealed class TenantModelTrainingEndToEndTests(TrainingSiloFixture fixture) : IClassFixture<TrainingSiloFixture>
{
    private static readonly string[] BugPhrases = ["crashes when I open", "freezes after I tap", "shows an error on", "force closes on", "hangs while loading"];
    private static readonly string[] PraisePhrases = ["I love", "really great job on", "so happy with", "wonderful work on", "amazing design of"];
    private static readonly string[] Things = ["the settings page", "my photos", "the login screen", "the calendar", "the music player", "the new update"];

    [Fact]
    public async Task TrainedVersion_ActivatedByTheGate_LabelsTheSourcesThatChooseIt_AndNoOtherTenants()
    {
        var http = fixture.Http;
        Assert.Equal(HttpStatusCode.Created, (await http.PutAsync("/v1/tenants/acme/models/triage", Json("""{"labels":["defect","kudos"]}"""))).StatusCode);
        var examples = new JsonArray([.. Texts(BugPhrases, "defect").Concat(Texts(PraisePhrases, "kudos")).Select(e => (JsonNode)new JsonObject { ["text"] = e.Text, ["label"] = e.Label })]);
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync("/v1/tenants/acme/models/triage/examples", Json(examples.ToJsonString()))).StatusCode);

        var started = await http.PostAsync("/v1/tenants/acme/models/triage/versions", Json("""{"autoActivate":true}"""));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var jobId = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["jobId"]!;
        var job = await WaitForJobAsync(jobId, TimeSpan.FromMinutes(5));
        Assert.True((string?)job["state"] == "succeeded", job.ToJsonString());

        var version = (await http.GetFromJsonAsync<JsonObject>("/v1/tenants/acme/models/triage/versions"))!["versions"]!.AsArray().Single()!;
        Assert.Equal("active", (string?)version["status"]);
        var heldOut = (double)version["training"]!["heldOutMacroF1"]!;
        Assert.InRange(heldOut, 0, 1);

        await PutPolicyAsync("acme", """{"models":["sentiment","acme:triage"]}""");
        await PutPolicyAsync("other", "{}");
        var probes = new[] { ("It crashes when I open the camera", "defect"), ("I love the camera", "kudos"), ("It freezes after I tap the map", "defect"), ("Wonderful work on the map", "kudos") };
        await PostCommentsAsync("acme", probes.Select(p => p.Item1));
        await PostCommentsAsync("other", probes.Select(p => p.Item1));

        var comments = (await http.GetFromJsonAsync<JsonObject>("/v1/tenants/acme/sources/app/comments?limit=20"))!["comments"]!.AsArray();
        var labels = comments.ToDictionary(c => (string)c!["text"]!, c => (string?)c!["predictions"]!["acme:triage"]?["label"]);
        Assert.All(probes, p => Assert.Equal(p.Item2, labels[p.Item1]));
        var window = (await http.GetFromJsonAsync<JsonObject>("/v1/tenants/acme/sources/app/window"))!;
        Assert.Equal(probes.Length, window["modelLabelCounts"]!["acme:triage"]!.AsObject().Sum(l => (int)l.Value!));

        var otherWindow = await http.GetStringAsync("/v1/tenants/other/sources/app/window");
        var otherComments = await http.GetStringAsync("/v1/tenants/other/sources/app/comments?limit=20");
        Assert.DoesNotContain("triage", otherWindow, StringComparison.Ordinal);
        Assert.DoesNotContain("acme:", otherComments, StringComparison.Ordinal);

        // Tenant models' names and labels are the tenants' own: they never become metric series.
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("orleans_sentiment_comments_classified_total{", StringComparison.Ordinal) && l.Contains("model=\"tenant\"", StringComparison.Ordinal));
        Assert.DoesNotContain("triage", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("acme", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("kudos", metrics, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Text, string Label)> Texts(string[] phrases, string label) =>
        phrases.SelectMany(p => Things.Select(t => ($"{char.ToUpperInvariant(p[0])}{p[1..]} {t}", label)));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task PutPolicyAsync(string tenant, string policy)
    {
        using var response = await fixture.Http.PutAsync($"/v1/tenants/{tenant}/sources/app/alert-policy", Json(policy));
        response.EnsureSuccessStatusCode();
    }

    private async Task PostCommentsAsync(string tenant, IEnumerable<string> texts)
    {
        var body = new JsonArray([.. texts.Select(t => (JsonNode)new JsonObject { ["text"] = t })]);
        using var response = await fixture.Http.PostAsync($"/v1/tenants/{tenant}/sources/app/comments", Json(body.ToJsonString()));
        response.EnsureSuccessStatusCode();
        var expected = body.Count;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while ((int)(await fixture.Http.GetFromJsonAsync<JsonObject>($"/v1/tenants/{tenant}/sources/app/window"))!["count"]! < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the window of {tenant} did not count {expected} comments in time");
            await Task.Delay(100);
        }
    }

    private async Task<JsonObject> WaitForJobAsync(string jobId, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var job = (await fixture.Http.GetFromJsonAsync<JsonObject>($"/v1/tenants/acme/jobs/{Uri.EscapeDataString(jobId)}"))!;
            if ((string?)job["state"] is "succeeded" or "failed" or "cancelled")
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"job still {(string?)job["state"]} after {limit}: {job.ToJsonString()}");
            await Task.Delay(500);
        }
    }
}

/// <summary>A silo of the default build (it carries the trainer) with the built-in models and a short training budget.</summary>
public sealed class TrainingSiloFixture : IAsyncLifetime
{
    private readonly string _models = Directory.CreateTempSubdirectory("e2e-training-models-").FullName;

    public SiloProcess Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Silo = await SiloProcess.StartAsync(new Dictionary<string, string>
        {
            ["Inference:CacheDirectory"] = _models,
            ["Training:MaxDuration"] = "00:00:30",
        });
        Http = new HttpClient { BaseAddress = Silo.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        Directory.Delete(_models, recursive: true);
    }
}
