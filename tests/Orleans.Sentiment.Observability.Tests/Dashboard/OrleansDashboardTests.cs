using System.Net;
using Orleans.Sentiment.Observability.Tests.Silo;

namespace Orleans.Sentiment.Observability.Tests.Dashboard;

/// <summary>The Orleans dashboard is off unless <c>Dashboard:Orleans:Enabled</c> says otherwise.</summary>
[Collection(ObservedSiloCollection.Name)]
public sealed class OrleansDashboardOffTests(ObservedSiloFixture fixture)
{
    [Theory]
    [InlineData("/orleans-dashboard")]
    [InlineData("/orleans-dashboard/")]
    [InlineData("/orleans-dashboard/index.html")]
    public async Task Get_DefaultSettings_NotFound(string path)
    {
        using var response = await fixture.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
