using System.IO.Pipelines;
using System.Text;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Silo.Http.Parsing;

namespace Orleans.Sentiment.Tests.Security;

public sealed class ClassifyRequestParserTests
{
    private static readonly IngestionOptions Limits = new();

    [Fact]
    public async Task ParseAsync_Texts_ReadsThemInOrder()
    {
        var result = await ParseAsync("""{"texts":["a","b \u00e9"]}""");

        Assert.False(result.Errors.Any);
        Assert.Equal(["a", "b é"], result.Texts);
    }

    [Fact]
    public async Task ParseAsync_MillionNulls_StopsPastTheBatchLimit()
    {
        var body = Encoding.ASCII.GetBytes("{\"texts\":[" + string.Join(',', Enumerable.Repeat("null", 1_000_000)) + "]}");
        var stream = new CountingStream(body);

        var result = await ClassifyRequestParser.ParseAsync(PipeReader.Create(stream), Limits.MaxRequestBytes, Limits, CancellationToken.None);

        Assert.True(stream.BytesRead < 64 * 1024, $"read {stream.BytesRead} bytes");
        Assert.True(result.Errors.Entries.Count <= ErrorList.MaxEntries);
        Assert.Equal(Limits.MaxBatchSize + 1, result.Errors.Total);
    }

    [Theory]
    [InlineData("""{"texts":[]}""", "texts")]
    [InlineData("""{"texts":["fine"," "]}""", "texts[1]")]
    [InlineData("""{"texts":["\u200b\u0000"]}""", "texts[0]")]
    [InlineData("""{"texts":[5]}""", "texts[0]")]
    [InlineData("""{"texts":"one"}""", "texts")]
    [InlineData("""{"text":"singular"}""", "text")]
    [InlineData("""["a"]""", "body")]
    public async Task ParseAsync_Bad_NamesTheField(string body, string field)
    {
        var result = await ParseAsync(body);

        Assert.Contains(field, result.Errors.Entries.Keys);
    }

    [Fact]
    public async Task ParseAsync_InvalidUtf8_IsAnError()
    {
        byte[] body = [.. """{"texts":["ok","""u8, (byte)'"', 0xC3, (byte)'"', .. "]}"u8];

        var result = await ClassifyRequestParser.ParseAsync(PipeReader.Create(new MemoryStream(body)), Limits.MaxRequestBytes, Limits, CancellationToken.None);

        Assert.Contains("texts[1]", result.Errors.Entries.Keys);
    }

    private static Task<ClassifyRequestParser.Result> ParseAsync(string body) =>
        ClassifyRequestParser.ParseAsync(PipeReader.Create(new CountingStream(Encoding.UTF8.GetBytes(body), chunk: 5)), Limits.MaxRequestBytes, Limits, CancellationToken.None);
}
