using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>The policy test on the secured silo: tenant keys reach only their own sources, and a body over the limit is refused by name.</summary>
[Collection(SecuredSiloCollection.Name)]
public sealed class PolicyTestLimitsEndToEndTests(SecuredSiloFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("policy-test-limits-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task PolicyTest_AnotherTenantsKey_Answers403AndItsOwnKey200()
    {
        var (_, key) = await fixture.CreateKeyAsync("papa");
        using var client = fixture.Client(key);
        var body = new { comments = new[] { new { text = "Lovely crew", timestamp = DateTimeOffset.UnixEpoch } } };

        using var foreign = await client.PostAsJsonAsync("/v1/tenants/quebec/sources/app/policy-test", body);
        using var own = await client.PostAsJsonAsync("/v1/tenants/papa/sources/app/policy-test", body);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task PolicyTestCli_SourceOverMaxRequestBytes_FailsNamingTheSetting()
    {
        var file = Path.Combine(_directory, "big.csv");
        var rows = Enumerable.Range(0, 4_000).Select(i =>
            $"{DateTimeOffset.UnixEpoch.AddMinutes(i).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)},a comment of some length to fill the request body number {i}");
        await File.WriteAllLinesAsync(file, ["created,text", .. rows]);
        Assert.True(new FileInfo(file).Length > SecuredSiloFixture.MaxRequestBytes);

        var run = await CliProcess.RunAsync([
            "policy-test", file, "--time-column", "created", "--source", "big", "--tenant", "romeo",
            "--url", fixture.Silo.BaseUrl.ToString(), "--api-key", SecuredSiloFixture.AdminKey]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("big: its 4000 comments are more than the silo takes in one request (Ingestion:MaxRequestBytes)", run.Error);
    }
}
