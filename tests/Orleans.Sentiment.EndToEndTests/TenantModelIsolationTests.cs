using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>A tenant key reaches only its own tenant's models and examples, and a source may run only its own tenant's models.</summary>
[Collection(SecuredSiloCollection.Name)]
public sealed class TenantModelIsolationTests(SecuredSiloFixture fixture)
{
    [Fact]
    public async Task AnotherTenantsKey_IsRefusedOnEveryModelRoute_AndSeesNoneOfItsModels()
    {
        var (_, ownerKey) = await fixture.CreateKeyAsync("iso-owner");
        var (_, otherKey) = await fixture.CreateKeyAsync("iso-other");
        using var owner = fixture.Client(ownerKey);
        using var other = fixture.Client(otherKey);
        Assert.Equal(HttpStatusCode.Created, (await owner.PutAsync("/v1/tenants/iso-owner/models/secret", Json("""{"labels":["a","b"]}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsync("/v1/tenants/iso-owner/models/secret/examples", Json("""[{"text":"private words","label":"a"}]"""))).StatusCode);

        foreach (var (method, path) in new[]
        {
            ("GET", "/v1/tenants/iso-owner/models"), ("GET", "/v1/tenants/iso-owner/models/secret"), ("PUT", "/v1/tenants/iso-owner/models/secret"),
            ("GET", "/v1/tenants/iso-owner/models/secret/versions"), ("POST", "/v1/tenants/iso-owner/models/secret/versions"),
            ("PUT", "/v1/tenants/iso-owner/models/secret/active"), ("GET", "/v1/tenants/iso-owner/models/secret/examples"),
            ("POST", "/v1/tenants/iso-owner/models/secret/examples"), ("GET", "/v1/tenants/iso-owner/models/secret/examples/export"),
            ("DELETE", "/v1/tenants/iso-owner/models/secret/examples"), ("DELETE", "/v1/tenants/iso-owner/models/secret"),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" or "DELETE" ? null : Json("{}") };
            using var response = await other.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode}");
        }

        var otherModels = await other.GetFromJsonAsync<JsonObject>("/v1/tenants/iso-other/models");
        Assert.Empty(otherModels!["models"]!.AsArray());
        var policy = await other.PutAsync("/v1/tenants/iso-other/sources/app/alert-policy", Json("""{"models":["sentiment","iso-owner:secret"]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, policy.StatusCode);
        Assert.Contains("another tenant's model", await policy.Content.ReadAsStringAsync());
        // Neither the examples nor the model were deleted by the other tenant's key.
        Assert.Equal(1, (int?)(await owner.GetFromJsonAsync<JsonObject>("/v1/tenants/iso-owner/models/secret/examples"))!["total"]);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
