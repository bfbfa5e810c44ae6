using System.Globalization;
using System.Net;
using Orleans.Sentiment.Modeling;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// A second embedded silo on a running silo's Orleans ports refuses to start, naming the setting, and the running
/// silo keeps its ports and keeps answering. (Orleans binds with SO_REUSEPORT on Linux, so without the check the second
/// silo would start and take a random share of the first one's connections.)
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class PortSharingEndToEndTests(SiloFixture fixture)
{
    [Fact]
    public async Task Start_SiloPortOfARunningSilo_ExitsNamingOrleansSiloPort()
    {
        var failure = await SecondSiloFailureAsync(new Dictionary<string, string> { ["Orleans:SiloPort"] = Port(fixture.Silo.SiloPort) });

        Assert.Contains($"Orleans:SiloPort {fixture.Silo.SiloPort} is already in use on 127.0.0.1", failure);
        await AssertFirstSiloUnharmedAsync();
    }

    [Fact]
    public async Task Start_GatewayPortOfARunningSilo_ExitsNamingOrleansGatewayPort()
    {
        var failure = await SecondSiloFailureAsync(new Dictionary<string, string> { ["Orleans:GatewayPort"] = Port(fixture.Silo.GatewayPort) });

        Assert.Contains($"Orleans:GatewayPort {fixture.Silo.GatewayPort} is already in use on 127.0.0.1", failure);
        await AssertFirstSiloUnharmedAsync();
    }

    /// <summary>Starts a second silo process and returns what it printed before it exited (it must not become ready).</summary>
    private static async Task<string> SecondSiloFailureAsync(Dictionary<string, string> settings)
    {
        var model = Directory.CreateTempSubdirectory("port-model-").FullName;
        try
        {
            LexiconModelBuilder.Write(model, ["negative", "positive"], [0f, 0f], new Dictionary<string, float[]>());
            settings["Models:0:Path"] = model;
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(settings));
            return failure.Message;
        }
        finally
        {
            Directory.Delete(model, recursive: true);
        }
    }

    private async Task AssertFirstSiloUnharmedAsync()
    {
        using var ready = await fixture.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
