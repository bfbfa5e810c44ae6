using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// Comments in a language the source's models do not read, through the real silo: kept, shown with their language,
/// counted as unsupported_language and left out of the share, or labelled when the policy includes them.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class LanguagesEndToEndTests(SiloFixture fixture)
{
    private const string Spanish = "El servicio es terrible y nadie responde a mis correos desde hace una semana";
    private const string English = "The service is terrible and nobody answers my emails";

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Comments_InALanguageTheModelsDoNotRead_AreKeptMarkedAndLeftOutOfTheShare()
    {
        var ingest = await Http.PostAsJsonAsync("/v1/tenants/acme/sources/languages/comments",
            new[] { new { id = "es", text = Spanish }, new { id = "en", text = English } });
        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);

        var window = await Eventually.WaitForAsync(() => GetJsonAsync("/v1/tenants/acme/sources/languages/window"), w => (int?)w["count"] == 2, "two comments");
        Assert.Equal(1, (int?)window["languageCounts"]!["es"]);
        Assert.Equal(1, (int?)window["languageCounts"]!["en"]);
        Assert.Equal(1, (int?)window["sharedComments"]);
        Assert.Equal(1, (int?)window["modelLabelCounts"]!["sentiment"]!["unsupported_language"]);
        // The share is of the one comment the sentiment model read.
        Assert.Equal((double)(int)window["negativeCount"]!, (double)window["negativeRatio"]!);

        var comments = (await GetJsonAsync("/v1/tenants/acme/sources/languages/comments?limit=2"))["comments"]!.AsArray();
        var spanish = comments.Single(c => (string?)c!["id"] == "es")!;
        Assert.Equal("es", (string?)spanish["language"]!["code"]);
        Assert.InRange((double)spanish["language"]!["confidence"]!, 0.5, 1.0);
        Assert.Equal("unsupported_language", (string?)spanish["predictions"]!["sentiment"]!["label"]);
        Assert.Empty(spanish["predictions"]!["sentiment"]!["logits"]!.AsArray());
        var english = comments.Single(c => (string?)c!["id"] == "en")!;
        Assert.Equal("en", (string?)english["language"]!["code"]);
        Assert.NotEqual("unsupported_language", (string?)english["predictions"]!["sentiment"]!["label"]);
    }

    [Fact]
    public async Task Comments_PolicyIncludesUnsupportedLanguages_AreLabelledByEveryModel()
    {
        var put = await Http.PutAsJsonAsync("/v1/tenants/acme/sources/languages-included/alert-policy", new { includeUnsupportedLanguages = true });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True((bool?)(await GetJsonAsync("/v1/tenants/acme/sources/languages-included/alert-policy"))["includeUnsupportedLanguages"]);

        await Http.PostAsJsonAsync("/v1/tenants/acme/sources/languages-included/comments", new[] { new { id = "es", text = Spanish } });
        var window = await Eventually.WaitForAsync(() => GetJsonAsync("/v1/tenants/acme/sources/languages-included/window"), w => (int?)w["count"] == 1, "one comment");

        Assert.Equal(1, (int?)window["sharedComments"]);
        var comment = (await GetJsonAsync("/v1/tenants/acme/sources/languages-included/comments?limit=1"))["comments"]!.AsArray().Single()!;
        Assert.Equal("es", (string?)comment["language"]!["code"]);
        Assert.NotEqual("unsupported_language", (string?)comment["predictions"]!["sentiment"]!["label"]);
    }

    [Fact]
    public async Task Classify_SpanishAndEnglish_AnswersEachLanguageAndLabelsOnlyTheEnglish()
    {
        var response = await Http.PostAsJsonAsync("/v1/classify", new { texts = new[] { Spanish, English } });
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();

        Assert.Equal(["es", "en"], results.Select(r => (string?)r!["language"]!["code"]));
        Assert.Equal("unsupported_language", (string?)results[0]!["predictions"]!["sentiment"]!["label"]);
        Assert.NotEqual("unsupported_language", (string?)results[1]!["predictions"]!["sentiment"]!["label"]);
    }

    private async Task<JsonObject> GetJsonAsync(string path) => (await Http.GetFromJsonAsync<JsonObject>(path))!;
}
