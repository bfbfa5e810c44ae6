using Microsoft.Extensions.Hosting;
using Orleans.Hosting;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// An Orleans client on a silo process's gateway, for what no HTTP route does: a test plays the trainer that hands a
/// version's result to its model grain.
/// </summary>
internal sealed class SiloGrainClient(IHost host) : IAsyncDisposable
{
    public IClusterClient Cluster => (IClusterClient)host.Services.GetService(typeof(IClusterClient))!;

    public static async Task<SiloGrainClient> ConnectAsync(SiloProcess silo)
    {
        var host = Host.CreateDefaultBuilder()
            .UseOrleansClient(client => client.UseLocalhostClustering(silo.GatewayPort, "orleans-sentiment", "orleans-sentiment"))
            .Build();
        await host.StartAsync();
        return new SiloGrainClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
