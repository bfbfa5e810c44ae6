using System.Net;

namespace Orleans.Sentiment.Silo.Auth;

/// <summary>
/// Decides the effective <see cref="AuthMode"/> from the setting and the addresses the server actually listens on:
/// any non-loopback address (0.0.0.0, [::], *, a host name or a routable IP) means keys are required.
/// </summary>
internal static class AuthModeResolver
{
    public sealed record Decision(AuthMode Mode, IReadOnlyList<string> NonLoopback, string? Error);

    public static Decision Resolve(AuthMode? configured, IEnumerable<string> addresses)
    {
        var nonLoopback = addresses.Where(a => !IsLoopback(a)).ToArray();
        return configured switch
        {
            AuthMode.None when nonLoopback.Length > 0 => new Decision(AuthMode.None, nonLoopback,
                $"Auth:Mode is None but the server listens on {string.Join(", ", nonLoopback)}, which is not loopback: anyone who reaches it "
                + "could read and change every tenant's data. Set Auth:Mode=ApiKey (with Auth:AdminKey to create tenant keys), or listen on "
                + "127.0.0.1/localhost only."),
            AuthMode.None => new Decision(AuthMode.None, nonLoopback, null),
            AuthMode.ApiKey => new Decision(AuthMode.ApiKey, nonLoopback, null),
            _ => new Decision(nonLoopback.Length > 0 ? AuthMode.ApiKey : AuthMode.None, nonLoopback, null),
        };
    }

    /// <summary>True for localhost, 127.0.0.0/8, ::1 and local sockets; false for wildcards, host names and other IPs.</summary>
    public static bool IsLoopback(string address)
    {
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }

        if (binding.IsUnixPipe || binding.IsNamedPipe)
        {
            return true;
        }

        var host = binding.Host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
