using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>Size limits, the corrections cap and webhook URL checks on the secured silo.</summary>
[Collection(SecuredSiloCollection.Name)]
public sealed class LimitsEndToEndTests(SecuredSiloFixture fixture)
{
    [Fact]
    public async Task Ingest_BodyOverMaxRequestBytes_Answers413()
    {
        var body = "[" + string.Join(',', Enumerable.Repeat("""{"text":"a comment of some length to fill the body"}""", 8_000)) + "]";
        Assert.True(body.Length > SecuredSiloFixture.MaxRequestBytes);

        using var response = await fixture.Admin.PostAsync("/v1/tenants/juliet/sources/big/comments", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Ingestion:MaxRequestBytes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ingest_ChunkedBodyGrowingPastMaxRequestBytes_Answers413()
    {
        var line = Encoding.UTF8.GetBytes("""{"text":"a comment of some length to fill the body"}""" + "\n");
        var content = new StreamContent(new MemoryStream([.. Enumerable.Repeat(line, 8_000).SelectMany(l => l)]));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tenants/juliet/sources/big/comments") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await fixture.Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Corrections_PastMaxPerTenant_Answers429()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= SecuredSiloFixture.MaxCorrections; i++)
        {
            using var response = await fixture.Admin.PostAsJsonAsync("/v1/tenants/kilo/corrections", new { text = $"comment {i}", label = "neutral" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, SecuredSiloFixture.MaxCorrections), HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://0177.0.0.1/")]
    [InlineData("http://localhost:5080/v1/classify")]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("http://10.0.0.1/hook")]
    [InlineData("https://example.com/hook")]
    [InlineData("https://user:pw@hooks.slack.com/services/x")]
    [InlineData("gopher://hooks.slack.com/x")]
    public async Task AlertPolicy_WebhookNotAllowed_Answers400NamingWebhookUrl(string url)
    {
        using var response = await fixture.Admin.PutAsJsonAsync("/v1/tenants/lima/sources/app/alert-policy", new { webhookUrl = url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("webhookUrl"), problem.ToJsonString());
    }

    [Fact]
    public async Task AlertPolicy_SlackWebhook_StoredAndShownMasked()
    {
        using var put = await fixture.Admin.PutAsJsonAsync("/v1/tenants/lima/sources/slack/alert-policy", new { webhookUrl = "https://hooks.slack.com/services/T1/B2/SECRET" });
        var got = await fixture.Admin.GetFromJsonAsync<JsonObject>("/v1/tenants/lima/sources/slack/alert-policy");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("https://hooks.slack.com/…", (string?)got!["webhookUrl"]);
    }
}
