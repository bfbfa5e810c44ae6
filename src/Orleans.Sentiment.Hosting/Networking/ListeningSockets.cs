using System.Globalization;
using System.Net;

namespace Orleans.Sentiment.Hosting.Networking;

/// <summary>The TCP sockets listening in this network namespace, from Linux's /proc/net/tcp and /proc/net/tcp6.</summary>
internal static class ListeningSockets
{
    private const string Listen = "0A";

    /// <summary>Every listening endpoint; empty where /proc/net is not there (not Linux).</summary>
    public static IReadOnlyList<IPEndPoint> Read() =>
        [.. ReadFile("/proc/net/tcp"), .. ReadFile("/proc/net/tcp6")];

    /// <summary>How many listening sockets would take connections meant for <paramref name="endpoint"/>.</summary>
    public static int CountOverlapping(IReadOnlyList<IPEndPoint> listening, IPEndPoint endpoint) =>
        listening.Count(l => l.Port == endpoint.Port && (IsAny(l.Address) || IsAny(endpoint.Address) || l.Address.Equals(endpoint.Address)));

    /// <summary>
    /// Parses one /proc/net/tcp{,6} table: "sl local_address rem_address st ...", the local address in hex as the
    /// kernel stores it (each 32-bit word in host order, little-endian here), the port in hex, state 0A is LISTEN.
    /// </summary>
    public static IEnumerable<IPEndPoint> Parse(string table)
    {
        foreach (var line in table.Split('\n').Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4 || fields[3] != Listen || fields[1].Split(':') is not [var hexAddress, var hexPort])
            {
                continue;
            }

            var bytes = Convert.FromHexString(hexAddress);
            for (var word = 0; word < bytes.Length; word += 4)
            {
                Array.Reverse(bytes, word, 4);
            }

            yield return new IPEndPoint(new IPAddress(bytes), int.Parse(hexPort, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
    }

    private static IEnumerable<IPEndPoint> ReadFile(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : [];

    private static bool IsAny(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
}
