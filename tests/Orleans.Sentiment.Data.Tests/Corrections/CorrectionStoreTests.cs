using Microsoft.Extensions.Time.Testing;
using Orleans.Sentiment.Data.Corrections;

namespace Orleans.Sentiment.Data.Tests.Corrections;

public sealed class CorrectionStoreTests : TempDirectory
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero));

    private CorrectionStore Store => new(Path.Combine(Root, "corrections"), _time);

    [Fact]
    public async Task AppendAsync_OneCorrection_WritesJsonLineUnderTenantFile()
    {
        await Store.AppendAsync("acme", "  The app keeps crashing ", "negative", id: "c-17", source: "cli");

        var line = Assert.Single(File.ReadAllLines(Path.Combine(Root, "corrections", "acme.jsonl")));
        Assert.Equal("""{"text":"The app keeps crashing","label":"negative","correctedAt":"2026-11-27T09:30:00+00:00","id":"c-17","source":"cli"}""", line);
    }

    [Fact]
    public async Task AppendAsync_ManyConcurrentWriters_EveryRowWrittenWholeOncePerTenant()
    {
        var store = Store;
        var writes = Enumerable.Range(0, 400).Select(i => Task.Run(() =>
            store.AppendAsync(i % 2 == 0 ? "tenant-a" : "tenant.b", $"comment {i} {new string('x', i)}", i % 3 == 0 ? "negative" : "positive")));

        await Task.WhenAll(writes);

        var a = store.Read("tenant-a");
        var b = store.Read("tenant.b");
        Assert.Equal(200, a.Count);
        Assert.Equal(200, b.Count);
        Assert.Equal(400, a.Concat(b).Select(c => c.Text).Distinct().Count());
        Assert.All(a, c => Assert.Equal(0, int.Parse(c.Text.Split(' ')[1]) % 2));
    }

    [Fact]
    public async Task AppendAsync_TenantAtItsLimit_RefusesAndWritesNothing()
    {
        var store = new CorrectionStore(Path.Combine(Root, "corrections"), _time, maxPerTenant: 2);
        await store.AppendAsync("acme", "one", "a");
        await store.AppendAsync("acme", "two", "a");

        await Assert.ThrowsAsync<CorrectionQuotaException>(() => store.AppendAsync("acme", "three", "a"));

        Assert.Equal(2, store.Read("acme").Count);
        await store.AppendAsync("other", "one", "a");
    }

    [Fact]
    public async Task AppendAsync_ExistingFileAtTheLimit_CountsItsRowsOnFirstUse()
    {
        await Store.AppendAsync("acme", "one", "a");
        await Store.AppendAsync("acme", "two", "a");
        var restarted = new CorrectionStore(Path.Combine(Root, "corrections"), _time, maxPerTenant: 2);

        await Assert.ThrowsAsync<CorrectionQuotaException>(() => restarted.AppendAsync("acme", "three", "a"));
    }

    [Fact]
    public async Task Read_SameTextCorrectedTwice_LatestLabelWins()
    {
        var store = Store;
        await store.AppendAsync("acme", "slow checkout", "bug report");
        await store.AppendAsync("acme", "great support", "praise");
        _time.Advance(TimeSpan.FromMinutes(5));
        await store.AppendAsync("acme", "slow checkout", "performance");

        var latest = CorrectionFile.Latest(store.Read("acme"));

        Assert.Equal([("slow checkout", "performance"), ("great support", "praise")], latest.Select(c => (c.Text, c.Label)));
        Assert.Equal(_time.GetUtcNow(), latest[0].CorrectedAt);
    }

    [Fact]
    public void Read_TenantWithoutFile_ReturnsNoCorrections()
    {
        Assert.Empty(Store.Read("nobody"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("...")]
    [InlineData(".hidden")]
    [InlineData("acme\n")]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("tenant name")]
    [InlineData("ünï")]
    [InlineData("x1234567890123456789012345678901234567890123456789012345678901234")]
    public async Task AppendAsync_InvalidTenant_ThrowsNamingTenantAndWritesNothing(string tenant)
    {
        var error = await Assert.ThrowsAsync<CorrectionException>(() => Store.AppendAsync(tenant, "text", "label"));

        Assert.Equal("tenant", error.Field);
        Assert.False(Directory.Exists(Path.Combine(Root, "corrections")));
    }

    [Theory]
    [InlineData("Acme_Corp-1.eu")]
    [InlineData("a")]
    [InlineData("1234567890123456789012345678901234567890123456789012345678901234")]
    public void IsValid_AllowedTenantNames_True(string tenant)
    {
        Assert.True(TenantName.IsValid(tenant));
    }

    [Theory]
    [InlineData("   ", "negative", "text")]
    [InlineData("fine text", "", "label")]
    [InlineData("fine text", "two\nlines", "label")]
    public async Task AppendAsync_InvalidFields_ThrowsNamingField(string text, string label, string field)
    {
        var error = await Assert.ThrowsAsync<CorrectionException>(() => Store.AppendAsync("acme", text, label));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task AppendAsync_TextLongerThanLimit_ThrowsNamingText()
    {
        var error = await Assert.ThrowsAsync<CorrectionException>(() => Store.AppendAsync("acme", new string('a', CorrectionLimits.MaxTextLength + 1), "negative"));

        Assert.Equal("text", error.Field);
        Assert.Contains(CorrectionLimits.MaxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public async Task CorrectionsFile_ReadByInputFileReader_GivesTextAndLabelForTraining()
    {
        var store = Store;
        await store.AppendAsync("acme", "refund never came", "billing", id: "9");

        var row = Assert.Single(InputFileReader.Read(store.PathFor("acme"), new InputFileOptions { LabelColumn = "label" }));

        Assert.Equal(("9", "refund never came", "billing"), (row.Id, row.Text, row.Label));
    }

    [Fact]
    public void CorrectionFileRead_RowWithoutLabel_ThrowsWithLineNumber()
    {
        var path = WriteFile("bad.jsonl", "{\"text\":\"a\",\"label\":\"b\",\"correctedAt\":\"2026-01-01T00:00:00Z\"}\n{\"text\":\"c\"}\n");

        var error = Assert.Throws<InputFileException>(() => CorrectionFile.Read(path));

        Assert.Contains("bad.jsonl:2", error.Message);
    }
}
