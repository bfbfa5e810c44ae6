using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Orleans.Sentiment.Testing;

internal static class FreePort
{
    private static readonly ConcurrentDictionary<int, byte> HandedOut = new();

    /// <summary>
    /// A loopback TCP port that was free a moment ago and that this test process has not handed out before: fixtures
    /// starting side by side would otherwise be given the same port before either has bound it.
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOut.TryAdd(port, 0))
            {
                return port;
            }
        }
    }
}
