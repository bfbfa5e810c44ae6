using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>Every rejected request answers 400 problem+json naming the field, and publishes nothing.</summary>
[Collection(SiloCollection.Name)]
public sealed class ValidationEndToEndTests(SiloFixture fixture)
{
    private static int _sources;

    public static TheoryData<string, string, string, string> BadBatches => new()
    {
        { "empty text", "application/json", """[{"text":"ok"},{"text":""}]""", "[1].text" },
        { "whitespace text", "application/json", """[{"text":"  \t\n "}]""", "[0].text" },
        { "missing text", "application/json", """[{"id":"x"}]""", "[0].text" },
        { "text over 10,000 characters", "application/json", $$"""[{"text":"{{new string('a', 10_001)}}"}]""", "[0].text" },
        { "batch over 1,000 comments", "application/json", "[" + string.Join(',', Enumerable.Repeat("""{"text":"hi"}""", 1_001)) + "]", "body" },
        { "malformed JSON", "application/json", """[{"text":"unterminated""", "" },
        { "not an array", "application/json", """{"text":"hi"}""", "body" },
        { "unknown field", "application/json", """[{"text":"hi","rating":5}]""", "" },
        { "malformed NDJSON line", "application/x-ndjson", "{\"text\":\"fine\"}\n{\"text\": oops}\n", "line 2: text" },
        { "duplicate ids in one batch", "application/json", """[{"id":"1","text":"a"},{"id":"2","text":"b"},{"id":"1","text":"c"}]""", "[2].id" },
        { "empty batch", "application/json", "[]", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public async Task Ingest_BadBatch_Returns400NamingTheFieldAndPublishesNothing(string reason, string contentType, string body, string field)
    {
        var source = $"bad-{Interlocked.Increment(ref _sources)}";
        var path = $"/v1/tenants/acme/sources/{source}/comments";

        using var response = await fixture.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

        await AssertProblemAsync(response, field, reason);
        var marker = await fixture.Http.PostAsJsonAsync(path, new[] { new { id = "marker", text = "after the bad batch" } });
        Assert.Equal(HttpStatusCode.Accepted, marker.StatusCode);
        var window = await Eventually.WaitForAsync(() => fixture.Http.GetFromJsonAsync<JsonObject>($"/v1/tenants/acme/sources/{source}/window")!, w => (int?)w!["count"] >= 1, "the marker comment");
        Assert.Equal(1, (int?)window!["count"]);
    }

    [Theory]
    [InlineData("acme!", "app", "tenant")]
    [InlineData("acme", "app store", "source")]
    [InlineData("acme", "this-source-name-is-far-too-long-to-be-accepted-by-the-silo-at-all-x", "source")]
    public async Task Ingest_BadTenantOrSource_Returns400NamingIt(string tenant, string source, string field)
    {
        using var response = await fixture.Http.PostAsJsonAsync($"/v1/tenants/{Uri.EscapeDataString(tenant)}/sources/{Uri.EscapeDataString(source)}/comments", new[] { new { text = "hi" } });

        await AssertProblemAsync(response, field, field);
    }

    [Theory]
    [InlineData("""{"windowSize":0}""", "windowSize")]
    [InlineData("""{"threshold":1.5}""", "threshold")]
    [InlineData("""{"cooldown":"soon"}""", "cooldown")]
    [InlineData("""{"webhookUrl":"not-a-url"}""", "webhookUrl")]
    [InlineData("""{"window":100}""", "")]
    public async Task AlertPolicy_Invalid_Returns400NamingTheField(string body, string field)
    {
        using var response = await fixture.Http.PutAsync("/v1/tenants/acme/sources/policy-bad/alert-policy", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, field, body);
    }

    [Theory]
    [InlineData("""{"texts":[]}""", "texts")]
    [InlineData("""{"texts":["fine"," "]}""", "texts[1]")]
    [InlineData("""{"text":"singular"}""", "")]
    public async Task Classify_Invalid_Returns400NamingTheField(string body, string field)
    {
        using var response = await fixture.Http.PostAsync("/v1/classify", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, field, body);
    }

    [Fact]
    public async Task Comments_LimitOutOfRange_Returns400NamingLimit()
    {
        using var response = await fixture.Http.GetAsync("/v1/tenants/acme/sources/any/comments?limit=0");

        await AssertProblemAsync(response, "limit", "limit=0");
    }

    /// <param name="field">The error key expected, or "" when any key will do (the parser names the JSON path).</param>
    private static async Task AssertProblemAsync(HttpResponseMessage response, string field, string reason)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{reason}: expected 400, got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var errors = problem["errors"]!.AsObject();
        Assert.NotEmpty(errors);
        if (field.Length > 0)
        {
            Assert.True(errors.ContainsKey(field), $"{reason}: errors name {string.Join(", ", errors.Select(e => e.Key))}, not {field}");
        }
    }
}
