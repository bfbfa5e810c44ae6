using System.Net;
using System.Net.Sockets;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// The webhook client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, and refuses to connect
/// to any address that is not public (loopback, private, link-local, unique-local, CGNAT, multicast, unspecified,
/// reserved, and IPv6 forms that embed such an IPv4 address) unless private networks are allowed. Checking here,
/// after resolution, stops names that point inside (or that change answer between check and use).
/// </summary>
public static class WebhookAddressFilter
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(bool allowPrivateNetworks) =>
        async (context, cancellationToken) =>
        {
            var endpoint = context.DnsEndPoint;
            var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
            var allowed = addresses.Where(a => allowPrivateNetworks || IsPublic(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new WebhookAddressRefusedException(
                    $"Webhook host '{endpoint.Host}' resolves only to non-public addresses; refused (Slack:AllowPrivateNetworks is false).");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    /// <summary>True for addresses on the public internet; false for every special-purpose range a webhook must not reach.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (EmbeddedIPv4(address) is { } embedded)
            {
                return IsPublic(embedded);
            }

            var bytes = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (bytes[0] & 0xFE) == 0xFC // fc00::/7 unique-local
                || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8) // 2001:db8::/32 documentation
                || (bytes[0] == 0x01 && bytes.AsSpan(1, 7).IndexOfAnyExcept((byte)0) < 0)); // 100::/64 discard
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        return !(b[0] is 0 or 10 or 127 or >= 224 // this network, private, loopback, multicast and reserved (224/4, 240/4)
            || (b[0] == 100 && (b[1] & 0xC0) == 64) // 100.64/10 CGNAT
            || (b[0] == 169 && b[1] == 254) // link-local (cloud metadata)
            || (b[0] == 172 && (b[1] & 0xF0) == 16) // 172.16/12
            || (b[0] == 192 && b[1] == 168) // 192.168/16
            || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) // IETF protocol assignments, documentation
            || (b[0] == 198 && (b[1] & 0xFE) == 18) // 198.18/15 benchmarking
            || (b[0] == 198 && b[1] == 51 && b[2] == 100) // documentation
            || (b[0] == 203 && b[1] == 0 && b[2] == 113)); // documentation
    }

    // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64) and 2002:aabb:ccdd:: (6to4) all reach an IPv4 address.
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback))
        {
            return new IPAddress(b.AsSpan(12, 4));
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)
        {
            return new IPAddress(b.AsSpan(12, 4));
        }

        return b[0] == 0x20 && b[1] == 0x02 ? new IPAddress(b.AsSpan(2, 4)) : null;
    }
}

/// <summary>The webhook's address is not allowed; not a transient failure, so it is not retried.</summary>
public sealed class WebhookAddressRefusedException(string message) : IOException(message);
