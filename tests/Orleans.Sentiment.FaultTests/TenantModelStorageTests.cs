using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Sentiment.FaultTests.Cluster;
using Orleans.Sentiment.FaultTests.Services;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.FaultTests;

/// <summary>Tenant models and their examples live in grain storage (Redis): a silo killed with -9 comes back with them.</summary>
[Collection(FaultCollection.Name)]
public sealed class TenantModelStorageTests(ServicesFixture fixture)
{
    [FaultFact]
    public async Task KillSilo_ModelAndExamples_AreThereAfterTheRestart()
    {
        await using var cluster = await FaultCluster.StartAsync(fixture.Services, silos: 1);
        using var http = new HttpClient { BaseAddress = cluster.EntryPoints[0] };
        var defined = await http.PutAsync("/v1/tenants/kept/models/requirements", Json("""{"labels":["feature","Stability"]}"""));
        var added = await http.PostAsync("/v1/tenants/kept/models/requirements/examples", Json("""[{"text":"Add a dark mode","label":"feature"},{"text":"Crashes on start","label":"Stability"}]"""));
        Assert.Equal(HttpStatusCode.Created, defined.StatusCode);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        await cluster.Silos[0].KillAsync();
        await cluster.Silos[0].StartAsync();
        using var restarted = new HttpClient { BaseAddress = cluster.EntryPoints[0] };
        await Eventually.WaitForAsync(() => StatusAsync(restarted, "/v1/tenants/kept/models/requirements/examples"), status => status == HttpStatusCode.OK, "the model to answer after the restart", TimeSpan.FromMinutes(2));

        var examples = await restarted.GetFromJsonAsync<JsonObject>("/v1/tenants/kept/models/requirements/examples");
        Assert.Equal(2, (int?)examples!["total"]);
        var model = await restarted.GetFromJsonAsync<JsonObject>("/v1/tenants/kept/models/requirements");
        Assert.Equal(["feature", "Stability"], model!["labels"]!.AsArray().Select(l => (string?)l));
    }

    private static async Task<HttpStatusCode?> StatusAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
