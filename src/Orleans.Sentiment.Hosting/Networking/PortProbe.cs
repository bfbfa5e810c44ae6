using System.Net;
using System.Net.Sockets;

namespace Orleans.Sentiment.Hosting.Networking;

/// <summary>
/// Whether a TCP port can be listened on by this process alone. Orleans binds its listeners with
/// <c>ReuseAddress</c>, which .NET turns into SO_REUSEADDR and SO_REUSEPORT on Linux, so a second silo on the same
/// ports binds without error and the kernel spreads connections between the two processes. This probe binds the way
/// an exclusive listener would: with SO_REUSEADDR only, so sockets a previous run left in TIME_WAIT do not block it
/// and any live listener on the port does.
/// </summary>
internal static class PortProbe
{
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;

    public static bool IsFree(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (OperatingSystem.IsLinux())
        {
            socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
        }

        if (endpoint.Address.Equals(IPAddress.IPv6Any))
        {
            socket.DualMode = true;
        }

        try
        {
            socket.Bind(endpoint);
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
    }
}
