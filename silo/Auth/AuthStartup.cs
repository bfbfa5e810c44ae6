using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Orleans.Sentiment.Silo.Auth;

/// <summary>
/// Once the server listens, reads the addresses it bound and settles the auth mode: it stops the silo when
/// <c>Auth:Mode=None</c> meets a non-loopback address, and says in one line when the API is open.
/// </summary>
internal sealed partial class AuthStartup(IServer server, IOptions<AuthOptions> options, AuthState state, ILogger<AuthStartup> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
        var decision = AuthModeResolver.Resolve(options.Value.Mode, addresses);
        if (decision.Error is not null)
        {
            throw new InvalidOperationException(decision.Error);
        }

        state.Resolve(decision.Mode);
        var listening = string.Join(", ", addresses);
        if (decision.Mode == AuthMode.None)
        {
            LogOpen(logger, listening);
        }
        else
        {
            LogKeys(logger, listening, options.Value.Mode is null ? "the default for a non-loopback binding" : "set by Auth:Mode");
            if (string.IsNullOrEmpty(options.Value.AdminKey))
            {
                LogNoAdminKey(logger);
            }
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth:Mode is None: the HTTP API is open, with no keys, to anyone who can reach {Addresses} (loopback only). Set Auth:Mode=ApiKey to require keys.")]
    private static partial void LogOpen(ILogger logger, string addresses);

    [LoggerMessage(Level = LogLevel.Information, Message = "Auth:Mode is ApiKey ({Why}) on {Addresses}: requests need Authorization: Bearer <key>.")]
    private static partial void LogKeys(ILogger logger, string addresses, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth:AdminKey is not set: no tenant keys can be created and admin routes answer 401.")]
    private static partial void LogNoAdminKey(ILogger logger);
}
