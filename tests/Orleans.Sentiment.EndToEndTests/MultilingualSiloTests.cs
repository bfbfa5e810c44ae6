using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Modeling;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// A silo serving an English model beside a multilingual XLM-RoBERTa (synthesized, with its SentencePiece Unigram
/// tokenizer): a Spanish comment is labelled by the XLM-R model only, and a policy watching the XLM-R model judges it.
/// </summary>
public sealed class MultilingualSiloTests(MultilingualSiloFixture fixture) : IClassFixture<MultilingualSiloFixture>
{
    private const string Spanish = "La aplicación se cierra cada vez que intento pagar con mi tarjeta";

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task SpanishComment_EnglishAndXlmRobertaModels_OnlyTheMultilingualModelLabelsIt()
    {
        await Http.PostAsJsonAsync("/v1/tenants/acme/sources/mixed/comments", new[] { new { id = "es", text = Spanish } });
        var window = await Eventually.WaitForAsync(() => GetJsonAsync("/v1/tenants/acme/sources/mixed/window"), w => (int?)w["count"] == 1, "one comment");

        Assert.Equal(0, (int?)window["sharedComments"]);
        Assert.Equal(1, (int?)window["modelLabelCounts"]!["sentiment"]!["unsupported_language"]);
        var xlmrLabels = window["modelLabelCounts"]!["xlmr"]!.AsObject();
        Assert.Equal(1, xlmrLabels.Sum(l => (int)l.Value!));
        Assert.DoesNotContain("unsupported_language", xlmrLabels.Select(l => l.Key));

        var comment = (await GetJsonAsync("/v1/tenants/acme/sources/mixed/comments?limit=1"))["comments"]!.AsArray().Single()!;
        Assert.Equal("es", (string?)comment["language"]!["code"]);
        Assert.Equal(3, comment["predictions"]!["xlmr"]!["logits"]!.AsArray().Count);
    }

    [Fact]
    public async Task SpanishComments_PolicyWatchesTheXlmRobertaModel_JudgeThemInTheShare()
    {
        var policy = await Http.PutAsJsonAsync("/v1/tenants/acme/sources/watched/alert-policy", new { watchModel = "xlmr", watchLabel = "negative" });
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);

        await Http.PostAsJsonAsync("/v1/tenants/acme/sources/watched/comments",
            new[] { new { id = "es", text = Spanish }, new { id = "de", text = "Die App stürzt beim Bezahlen jedes Mal ab" } });
        var window = await Eventually.WaitForAsync(() => GetJsonAsync("/v1/tenants/acme/sources/watched/window"), w => (int?)w["count"] == 2, "two comments");

        Assert.Equal(2, (int?)window["sharedComments"]);
        Assert.Equal(1, (int?)window["languageCounts"]!["es"]);
        Assert.Equal(1, (int?)window["languageCounts"]!["de"]);
    }

    private async Task<JsonObject> GetJsonAsync(string path) => (await Http.GetFromJsonAsync<JsonObject>(path))!;
}

/// <summary>One silo with an English lexicon model ("sentiment") and a tiny synthesized XLM-RoBERTa ("xlmr").</summary>
public sealed class MultilingualSiloFixture : IAsyncLifetime
{
    private readonly string _english = Directory.CreateTempSubdirectory("e2e-english-").FullName;
    private readonly string _xlmr = Directory.CreateTempSubdirectory("e2e-xlmr-").FullName;

    public SiloProcess Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        LexiconModelBuilder.Write(_english, ["negative", "positive"], [0f, 0.5f], new Dictionary<string, float[]> { ["broken"] = [20f, 0f] });
        SyntheticModelWriter.Write(_xlmr, new SyntheticModelRequest(TransformerShape.TinyXlmRoberta, ["negative", "neutral", "positive"]));
        Silo = await SiloProcess.StartAsync(new Dictionary<string, string>
        {
            ["Models:0:Name"] = "sentiment",
            ["Models:0:Path"] = _english,
            ["Models:1:Name"] = "xlmr",
            ["Models:1:Path"] = _xlmr,
            ["Ingestion:RequestsPerSecondPerTenant"] = "1000",
        });
        Http = new HttpClient { BaseAddress = Silo.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        Directory.Delete(_english, recursive: true);
        Directory.Delete(_xlmr, recursive: true);
    }
}
