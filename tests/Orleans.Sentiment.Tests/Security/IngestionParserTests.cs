using System.IO.Pipelines;
using System.Text;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Silo.Http.Parsing;

namespace Orleans.Sentiment.Tests.Security;

public sealed class IngestionParserTests
{
    private static readonly IngestionOptions Limits = new();

    [Fact]
    public async Task ParseAsync_JsonArray_ReadsEveryComment()
    {
        var result = await ParseAsync("""[{"id":"1","text":"Broken again","timestamp":"2026-01-02T03:04:05Z"},{"TEXT":"fine"}]""");

        Assert.True(result.IsValid);
        Assert.Equal(["Broken again", "fine"], result.Comments.Select(c => c.Text));
        Assert.Equal("1", result.Comments[0].Id);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), result.Comments[0].Timestamp);
    }

    [Fact]
    public async Task ParseAsync_NdJson_ReadsEachLineAndSkipsBlankOnes()
    {
        var result = await ParseAsync("{\"text\":\"one\"}\r\n\n  \n{\"text\":\"two\",\"id\":\"b\"}", ndjson: true);

        Assert.True(result.IsValid);
        Assert.Equal(["one", "two"], result.Comments.Select(c => c.Text));
    }

    [Fact]
    public async Task ParseAsync_LeadingByteOrderMark_IsSkipped()
    {
        var result = await ParseAsync([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""[{"text":"hi"}]""")], ndjson: false);

        Assert.True(result.IsValid);
    }

    [Fact]
    public async Task ParseAsync_MillionNulls_StopsPastTheBatchLimitWithTwentyErrorsAndACount()
    {
        var body = Encoding.ASCII.GetBytes("[" + string.Join(',', Enumerable.Repeat("null", 1_000_000)) + "]");
        var stream = new CountingStream(body);

        var result = await IngestionParser.ParseAsync(PipeReader.Create(stream), ndjson: false, Limits.MaxRequestBytes, Limits, CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.True(stream.BytesRead < 64 * 1024, $"read {stream.BytesRead} bytes of {body.Length}");
        Assert.Equal(ErrorList.MaxEntries, result.Errors.Entries.Count);
        Assert.Equal("body", result.Errors.Entries.Keys.First());
        Assert.Contains("Ingestion:MaxBatchSize", result.Errors.Entries["body"][0]);
        Assert.Equal(Limits.MaxBatchSize + 1, result.Errors.Total);
    }

    [Fact]
    public async Task ParseAsync_MillionMalformedNdJsonLines_StopsPastTheBatchLimit()
    {
        var body = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{x\n", 1_000_000)));
        var stream = new CountingStream(body);

        var result = await IngestionParser.ParseAsync(PipeReader.Create(stream), ndjson: true, Limits.MaxRequestBytes, Limits, CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.True(stream.BytesRead < 64 * 1024, $"read {stream.BytesRead} bytes of {body.Length}");
        Assert.Equal(Limits.MaxBatchSize + 1, result.Errors.Total);
        Assert.True(result.Errors.Entries.Count <= ErrorList.MaxEntries);
    }

    [Fact]
    public async Task ParseAsync_OneHugeString_StopsOnceItPassesAnyAcceptableLength()
    {
        var body = Encoding.ASCII.GetBytes("[{\"text\":\"" + new string('a', 8_000_000) + "\"}]");
        var stream = new CountingStream(body);

        var result = await IngestionParser.ParseAsync(PipeReader.Create(stream), ndjson: false, Limits.MaxRequestBytes, Limits, CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.True(stream.BytesRead < IngestionParser.MaxValueBytes(Limits) + 64 * 1024, $"read {stream.BytesRead} bytes");
        Assert.Contains("[0].text", result.Errors.Entries.Keys);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ParseAsync_BodyOverMaxBytes_IsTooLarge(bool ndjson)
    {
        var line = "{\"text\":\"" + new string('a', 100) + "\"}";
        var body = ndjson ? string.Join('\n', Enumerable.Repeat(line, 200)) : "[" + string.Join(',', Enumerable.Repeat(line, 200)) + "]";

        var result = await IngestionParser.ParseAsync(PipeReader.Create(new CountingStream(Encoding.ASCII.GetBytes(body))), ndjson, maxBodyBytes: 10_000, Limits, CancellationToken.None);

        Assert.True(result.TooLarge);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public async Task ParseAsync_InvalidUtf8InText_IsAnErrorNamingTheField(byte[] bad)
    {
        byte[] body = [.. """[{"text":"ok """u8, .. bad, .. "\"}]"u8];

        var result = await ParseAsync(body, ndjson: false);

        Assert.False(result.IsValid);
        Assert.Contains("[0].text", result.Errors.Entries.Keys);
    }

    [Fact]
    public async Task ParseAsync_InvalidUtf8InNdJsonLine_IsAnErrorNamingTheLine()
    {
        byte[] body = [.. "{\"text\":\"fine\"}\n{\"text\":\"bad "u8, 0xFF, .. "\"}\n"u8];

        var result = await ParseAsync(body, ndjson: true);

        Assert.Contains("line 2: text", result.Errors.Entries.Keys);
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\u200b")]
    [InlineData("\\ufeff \\u200d\\t")]
    [InlineData("\\u0001\\u0002\\n")]
    [InlineData("\\u2028\\u00a0")]
    public async Task ParseAsync_TextWithNothingLeftAfterNormalisation_IsAnError(string text)
    {
        var result = await ParseAsync($$"""[{"text":"{{text}}"}]""");

        Assert.Equal(["[0].text"], result.Errors.Entries.Keys);
    }

    [Theory]
    [InlineData("""[{"text":"a","rating":5}]""", "[0].rating")]
    [InlineData("""[{"text":"a","text":"b"}]""", "[0].text")]
    [InlineData("""[{"text":5}]""", "[0].text")]
    [InlineData("""[{"text":"a","id":7}]""", "[0].id")]
    [InlineData("""[{"text":"a","timestamp":"yesterday"}]""", "[0].timestamp")]
    [InlineData("""[{"text":"a","id":"x\ny"}]""", "[0].id")]
    [InlineData("""[{"text":{"nested":["deep"]}}]""", "[0].text")]
    [InlineData("""[["text"]]""", "[0]")]
    [InlineData("""[{"text":"a"}] trailing""", "body")]
    [InlineData("""{"text":"a"}""", "body")]
    [InlineData("", "body")]
    [InlineData("[]", "body")]
    public async Task ParseAsync_BadShape_NamesTheField(string body, string field)
    {
        var result = await ParseAsync(body);

        Assert.False(result.IsValid);
        Assert.Contains(field, result.Errors.Entries.Keys);
    }

    [Fact]
    public async Task ParseAsync_DeepNesting_IsRefusedWithoutRecursing()
    {
        var result = await ParseAsync("[{\"x\":" + new string('[', 100_000) + new string(']', 100_000) + "}]");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors.Entries.Values.SelectMany(m => m), m => m.Contains("depth", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ParseAsync_ManyBadElements_ListsAtMostTwentyFieldsButCountsAll()
    {
        var result = await ParseAsync("[" + string.Join(',', Enumerable.Repeat("""{"text":""}""", 50)) + "]");

        Assert.Equal(ErrorList.MaxEntries, result.Errors.Entries.Count);
        Assert.Equal(50, result.Errors.Total);
    }

    private static Task<IngestionParser.Result> ParseAsync(string body, bool ndjson = false) => ParseAsync(Encoding.UTF8.GetBytes(body), ndjson);

    private static Task<IngestionParser.Result> ParseAsync(byte[] body, bool ndjson) =>
        IngestionParser.ParseAsync(PipeReader.Create(new CountingStream(body, chunk: 7)), ndjson, Limits.MaxRequestBytes, Limits, CancellationToken.None);
}
