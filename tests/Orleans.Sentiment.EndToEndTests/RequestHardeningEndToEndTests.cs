using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>Strict, bounded request handling of the real silo (loopback binding, so the API is open).</summary>
[Collection(SiloCollection.Name)]
public sealed class RequestHardeningEndToEndTests(SiloFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Start_LoopbackOnly_OpenApiSaidInOneLogLine()
    {
        Assert.Single(fixture.Silo.Output.Split('\n'), l => l.Contains("Auth:Mode is None: the HTTP API is open", StringComparison.Ordinal));
        var whoami = await Http.GetFromJsonAsync<JsonObject>("/v1/whoami");
        Assert.Equal("None", (string?)whoami!["authMode"]);
        Assert.True(whoami.ContainsKey("tenant"));
        Assert.Null(whoami["tenant"]);
        Assert.False((bool?)whoami["admin"]);
    }

    [Theory]
    [InlineData("POST", "/v1/tenants/acme/sources/ct/comments", "text/plain")]
    [InlineData("POST", "/v1/tenants/acme/sources/ct/comments", "application/x-www-form-urlencoded")]
    [InlineData("POST", "/v1/tenants/acme/sources/ct/comments", "multipart/form-data; boundary=x")]
    [InlineData("POST", "/v1/tenants/acme/sources/ct/comments", "application/json; charset=utf-16")]
    [InlineData("POST", "/v1/classify", "text/plain")]
    [InlineData("POST", "/v1/classify", "application/x-ndjson")]
    [InlineData("PUT", "/v1/tenants/acme/sources/ct/alert-policy", "text/plain")]
    [InlineData("POST", "/v1/tenants/acme/corrections", "application/x-www-form-urlencoded")]
    public async Task Post_OtherMediaType_Answers415(string method, string path, string contentType)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent("""{"texts":["hi"],"text":"hi","label":"x"}"""u8.ToArray()) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_GrantsNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v1/tenants/acme/sources/ct/comments");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await Http.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Ingest_MillionNulls_Answers400FastAndSmallWithoutGrowingTheSilo()
    {
        var body = Encoding.ASCII.GetBytes("[" + string.Join(',', Enumerable.Repeat("null", 1_000_000)) + "]");
        var watch = Stopwatch.StartNew();

        using var response = await Http.PostAsync("/v1/tenants/acme/sources/nulls/comments", Json(body));
        var answer = await response.Content.ReadAsByteArrayAsync();

        watch.Stop();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.True(answer.Length < 64 * 1024, $"answer of {answer.Length} bytes");
        var problem = JsonNode.Parse(answer)!;
        Assert.True(problem["errors"]!.AsObject().Count <= 20);
        Assert.Equal(1_001, (int?)problem["errorCount"]);
        Assert.True(fixture.Silo.GrowthSinceReady() < 300L << 20, $"peak RSS {fixture.Silo.Memory().Peak >> 20} MB, {fixture.Silo.GrowthSinceReady() >> 20} MB above the {fixture.Silo.ReadyMemory >> 20} MB at ready");
    }

    [Theory]
    [InlineData("/v1/tenants/acme/sources/utf/comments", new byte[] { 0x5B, 0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D, 0x5D })]
    [InlineData("/v1/classify", new byte[] { 0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x73, 0x22, 0x3A, 0x5B, 0x22, 0xC3, 0x22, 0x5D, 0x7D })]
    [InlineData("/v1/tenants/acme/corrections", new byte[] { 0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x2C, 0x22, 0x6C, 0x61, 0x62, 0x65, 0x6C, 0x22, 0x3A, 0x22, 0x78, 0x22, 0x7D })]
    public async Task Post_InvalidUtf8_Answers400(string path, byte[] body)
    {
        using var response = await Http.PostAsync(path, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AlertPolicy_InvalidUtf8_Answers400()
    {
        using var response = await Http.PutAsync("/v1/tenants/acme/sources/utf/alert-policy", Json([.. """{"webhookUrl":"https://hooks.slack.com/x"""u8, 0xFF, .. "\"}"u8]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/v1/tenants/acme/sources/blank/comments", """[{"text":"\u0000"}]""", "[0].text")]
    [InlineData("/v1/tenants/acme/sources/blank/comments", """[{"text":"\u200b\ufeff "}]""", "[0].text")]
    [InlineData("/v1/classify", """{"texts":["\u200b"]}""", "texts[0]")]
    [InlineData("/v1/tenants/acme/corrections", """{"text":"\u200b\u0000","label":"x"}""", "text")]
    public async Task Post_TextWithNothingLeftAfterNormalisation_Answers400NamingIt(string path, string body, string field)
    {
        using var response = await Http.PostAsync(path, Json(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Theory]
    [InlineData("acme%0A")]
    [InlineData("...")]
    [InlineData(".hidden")]
    [InlineData("acme%0D%0A")]
    public async Task Routes_TenantWithNewlineOrLeadingDot_Answer400(string tenant)
    {
        using var ingest = await Http.PostAsync($"/v1/tenants/{tenant}/sources/s/comments", Json("""[{"text":"hi"}]"""u8.ToArray()));
        using var correct = await Http.PostAsync($"/v1/tenants/{tenant}/corrections", Json("""{"text":"hi","label":"x"}"""u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, ingest.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, correct.StatusCode);
        Assert.DoesNotContain(Directory.GetFiles(fixture.CorrectionsDirectory, "*.jsonl"), f => Path.GetFileName(f).StartsWith('.') || f.Contains('\n'));
    }

    [Fact]
    public async Task Ingest_SameIdempotencyKeyTwice_SecondGetsTheFirstAnswerAndPublishesNothing()
    {
        const string path = "/v1/tenants/acme/sources/idem/comments";
        var body = """[{"text":"My refund is late"},{"text":"Nice app"},{"id":"own","text":"Crashing"}]"""u8.ToArray();
        var before = await Http.GetStringAsync("/metrics");

        using var first = await PostWithKeyAsync(path, body, "batch-0001");
        using var retry = await PostWithKeyAsync(path, body, "batch-0001");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var firstAnswer = await first.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(firstAnswer!.ToJsonString(), (await retry.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString());
        Assert.Equal(3, (int?)firstAnswer["accepted"]);

        // A marker behind the retry: once it is counted, anything the retry had published would be counted too.
        using var marker = await PostWithKeyAsync(path, """[{"text":"marker"}]"""u8.ToArray(), "batch-0002");
        var window = await Eventually.WaitForAsync(() => Http.GetFromJsonAsync<JsonObject>("/v1/tenants/acme/sources/idem/window")!, w => (int?)w!["count"] >= 4, "the marker");
        var after = await Eventually.WaitForAsync(() => Http.GetStringAsync("/metrics"), m => Delta(before, m, "orleans_sentiment_comments_ingested_total") >= 4, "the marker in the metrics");
        Assert.Equal(4, (int?)window!["count"]);
        Assert.Equal(4, Delta(before, after, "orleans_sentiment_comments_ingested_total"));
        Assert.Equal(0, Delta(before, after, "orleans_sentiment_comments_duplicate_total"));
    }

    private static double Delta(string before, string after, string name) => MetricsScrape.Sum(after, name) - MetricsScrape.Sum(before, name);

    [Fact]
    public async Task Ingest_SameIdempotencyKeyOtherBody_Answers422()
    {
        using var first = await PostWithKeyAsync("/v1/tenants/acme/sources/idem2/comments", """[{"text":"one"}]"""u8.ToArray(), "reused-key");
        using var other = await PostWithKeyAsync("/v1/tenants/acme/sources/idem2/comments", """[{"text":"two"}]"""u8.ToArray(), "reused-key");
        using var otherSource = await PostWithKeyAsync("/v1/tenants/acme/sources/idem3/comments", """[{"text":"one"}]"""u8.ToArray(), "reused-key");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherSource.StatusCode);
        Assert.Contains("Idempotency-Key", await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ingest_MalformedIdempotencyKey_Answers400NamingTheHeader()
    {
        using var response = await PostWithKeyAsync("/v1/tenants/acme/sources/idem4/comments", """[{"text":"one"}]"""u8.ToArray(), new string('k', 300));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AlertPolicy_Get_ReturnsTheWebhookUrlMasked()
    {
        const string secret = "T0001/B0001/SeCrEtPaTh";
        await using var receiver = new WebhookReceiver();
        var url = receiver.Url.Replace("T000/B000/hook", secret, StringComparison.Ordinal);
        using var put = await Http.PutAsJsonAsync("/v1/tenants/acme/sources/masked/alert-policy", new { webhookUrl = url });
        var got = await Http.GetStringAsync("/v1/tenants/acme/sources/masked/alert-policy");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.DoesNotContain(secret, await put.Content.ReadAsStringAsync());
        Assert.DoesNotContain(secret, got);
        Assert.Equal("http://127.0.0.1/…", (string?)JsonNode.Parse(got)!["webhookUrl"]);
        Assert.DoesNotContain(secret, fixture.Silo.Output);

        // Read back and sent again unchanged (masked): the stored webhook is kept, not replaced by the mask.
        var policy = JsonNode.Parse(got)!.AsObject();
        policy["windowSize"] = 50;
        using var again = await Http.PutAsync("/v1/tenants/acme/sources/masked/alert-policy", Json(Encoding.UTF8.GetBytes(policy.ToJsonString())));
        using var otherMask = await Http.PutAsJsonAsync("/v1/tenants/acme/sources/masked/alert-policy", new { webhookUrl = "http://127.0.0.1/other/…" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherMask.StatusCode);
        Assert.Equal(50, (int?)JsonNode.Parse(await Http.GetStringAsync("/v1/tenants/acme/sources/masked/alert-policy"))!["windowSize"]);
    }

    private Task<HttpResponseMessage> PostWithKeyAsync(string path, byte[] body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return Http.SendAsync(request);
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
