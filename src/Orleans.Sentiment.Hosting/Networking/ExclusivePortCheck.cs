using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Orleans.Sentiment.Hosting.Networking;

/// <summary>
/// Refuses to start a silo on a silo or gateway port another process listens on. Two silos sharing ports do not
/// form one cluster: each takes a random share of the connections meant for the other (see <see cref="PortProbe"/>),
/// so clients and joining silos land on either at random. Checked just before Orleans binds its listeners, and again
/// just after, which also catches two silos that start at the same moment (then neither keeps running).
/// </summary>
internal sealed class ExclusivePortCheck(IOptions<EndpointOptions> options) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        // Orleans binds its silo and gateway listeners at RuntimeInitialize - 1.
        lifecycle.Subscribe(nameof(ExclusivePortCheck), ServiceLifecycleStage.RuntimeInitialize - 100, _ => CheckFree());
        lifecycle.Subscribe(nameof(ExclusivePortCheck), ServiceLifecycleStage.RuntimeInitialize, _ => CheckAlone());
    }

    private IEnumerable<(string Setting, IPEndPoint Endpoint)> Endpoints()
    {
        var o = options.Value;
        yield return ("Orleans:SiloPort", o.SiloListeningEndpoint ?? new IPEndPoint(o.AdvertisedIPAddress, o.SiloPort));
        if ((o.GatewayListeningEndpoint ?? (o.GatewayPort == 0 ? null : new IPEndPoint(o.AdvertisedIPAddress, o.GatewayPort))) is { } gateway)
        {
            yield return ("Orleans:GatewayPort", gateway);
        }
    }

    private Task CheckFree()
    {
        foreach (var (setting, endpoint) in Endpoints())
        {
            if (!PortProbe.IsFree(endpoint))
            {
                throw new InvalidOperationException(
                    $"{setting} {endpoint.Port} is already in use on {endpoint.Address} (another silo on this machine?). {Remedy(setting)}");
            }
        }

        return Task.CompletedTask;
    }

    private Task CheckAlone()
    {
        var listening = ListeningSockets.Read();
        foreach (var (setting, endpoint) in Endpoints())
        {
            if (ListeningSockets.CountOverlapping(listening, endpoint) > 1)
            {
                throw new InvalidOperationException(
                    $"{setting} {endpoint.Port} on {endpoint.Address} is shared with another process that started at the same moment. {Remedy(setting)}");
            }
        }

        return Task.CompletedTask;
    }

    private static string Remedy(string setting) =>
        $"Silos must not share ports: they would each receive a random share of the other's connections. Give this silo a free {setting} "
        + "(e.g. --Orleans:SiloPort=11112 --Orleans:GatewayPort=30001 for a second embedded silo).";
}
