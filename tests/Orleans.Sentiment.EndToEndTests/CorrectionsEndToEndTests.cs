using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

[Collection(SiloCollection.Name)]
public sealed class CorrectionsEndToEndTests(SiloFixture fixture)
{
    [Fact]
    public async Task Correct_ByText_AppendsToTheTenantsFile()
    {
        var response = await fixture.Http.PostAsJsonAsync("/v1/tenants/fixco/corrections", new { text = "Fine, I guess", label = "neutral" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var rows = ReadRows("fixco");
        Assert.Contains(rows, r => (string?)r["text"] == "Fine, I guess" && (string?)r["label"] == "neutral");
    }

    [Fact]
    public async Task Correct_ById_ResolvesTheIngestedCommentsText()
    {
        await fixture.Http.PostAsJsonAsync("/v1/tenants/byid/sources/tickets/comments", new[] { new { id = "t-1", text = "Where is my parcel" } });
        await Eventually.WaitForAsync(() => fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/byid/sources/tickets/window")!, w => (int?)w!["count"] == 1, "the comment");

        var response = await fixture.Http.PostAsJsonAsync("/v1/tenants/byid/corrections", new { id = "t-1", label = "question" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var row = Assert.Single(ReadRows("byid"));
        Assert.Equal(("Where is my parcel", "question", "t-1", "tickets"), ((string?)row["text"], (string?)row["label"], (string?)row["id"], (string?)row["source"]));
    }

    [Theory]
    [InlineData("""{"id":"nope","label":"x"}""", "id")]
    [InlineData("""{"id":"a","text":"b","label":"x"}""", "body")]
    [InlineData("""{"text":"b"}""", "label")]
    public async Task Correct_Invalid_Returns400NamingTheField(string body, string field)
    {
        var response = await fixture.Http.PostAsync("/v1/tenants/badfix/corrections", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    private List<JsonNode> ReadRows(string tenant) =>
        File.ReadAllLines(Path.Combine(fixture.CorrectionsDirectory, tenant + ".jsonl")).Select(l => JsonNode.Parse(l)!).ToList();
}
