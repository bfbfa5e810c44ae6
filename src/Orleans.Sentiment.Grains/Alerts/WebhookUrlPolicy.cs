using System.Net;
using System.Net.Sockets;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// Decides whether a webhook URL may be stored in an alert policy: http or https, no user info, a host on
/// <c>Slack:AllowedHosts</c>, and — unless <c>Slack:AllowPrivateNetworks</c> — not a loopback, private or otherwise
/// non-public address in any spelling (<c>0x7f000001</c>, <c>2130706433</c>, <c>0177.0.0.1</c>,
/// <c>[::ffff:169.254.169.254]</c>, <c>localhost</c>, this machine's own addresses or name). Names are checked again
/// after DNS resolution when the webhook is called (<see cref="WebhookAddressFilter"/>).
/// </summary>
public sealed class WebhookUrlPolicy(SlackOptions options)
{
    private readonly IReadOnlyList<string> _allowed = options.EffectiveAllowedHosts.Select(h => h.ToLowerInvariant()).ToArray();
    private readonly bool _allowPrivate = options.AllowPrivateNetworks;

    public bool AllowPrivateNetworks => _allowPrivate;

    /// <returns>Why the URL is refused, or null when it is allowed.</returns>
    public string? Check(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "must be an absolute http or https URL";
        }

        if (LooksMasked(url))
        {
            return "is a masked URL as the API shows it; send the full webhook URL";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "must not carry a user name or password";
        }

        var host = Host(uri);
        if (!_allowed.Any(pattern => HostMatches(pattern, host)))
        {
            return $"host '{host}' is not allowed (Slack:AllowedHosts: {string.Join(", ", _allowed)})";
        }

        if (!_allowPrivate && IsPrivateHost(uri, host))
        {
            return $"host '{host}' is a loopback, private or otherwise non-public address (Slack:AllowPrivateNetworks is false)";
        }

        return null;
    }

    /// <summary>Scheme and host only (<c>https://hooks.slack.com/…</c>): the path of a webhook URL is its secret.</summary>
    public static string? Mask(string? url) =>
        url is null ? null
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? $"{uri.Scheme}://{uri.Host}/…"
        : "…";

    /// <summary>True for what <see cref="Mask"/> returns (it ends in "/…"), so a policy read back and sent again can keep its URL.</summary>
    public static bool LooksMasked(string url) => url.EndsWith("/…", StringComparison.Ordinal) || url == "…";

    /// <summary>An allowed-hosts entry: a host name, an IP literal, or <c>*.</c> followed by a host name.</summary>
    public static bool IsValidHostPattern(string pattern)
    {
        var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return host.Length > 0 && (Uri.CheckHostName(host.Trim('[', ']')) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6);
    }

    internal static string Host(Uri uri) => uri.IdnHost.Trim('[', ']').TrimEnd('.').ToLowerInvariant();

    private static bool HostMatches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.Ordinal) && host.Length > pattern.Length - 1
            : host == pattern.Trim('[', ']');

    private static bool IsPrivateHost(Uri uri, string host)
    {
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(host, out var address))
        {
            return !WebhookAddressFilter.IsPublic(address) || IsOwnAddress(address);
        }

        return host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal)
            || host.Equals(Dns.GetHostName(), StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsOwnAddress(IPAddress address)
    {
        try
        {
            return System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Any(a => a.Address.Equals(address) || (address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 && a.Address.Equals(address.MapToIPv4())));
        }
        catch (System.Net.NetworkInformation.NetworkInformationException)
        {
            return false;
        }
    }
}
