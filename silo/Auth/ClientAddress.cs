using System.Net;
using System.Net.Sockets;

namespace Orleans.Sentiment.Silo.Auth;

/// <summary>
/// The address a per-client limit is keyed on: the connection's remote address, IPv4 as IPv4 even when it arrives
/// mapped into IPv6, and IPv6 by its /64 network, since one host usually holds a whole /64 and could otherwise take
/// a fresh bucket with every address of it.
/// </summary>
internal static class ClientAddress
{
    public static IPAddress Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return IPAddress.None;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }
}
