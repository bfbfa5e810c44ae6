namespace Orleans.Sentiment.Silo.Auth;

/// <summary>
/// The effective auth mode, known once the server has bound its addresses. Until then every request is treated
/// as <see cref="AuthMode.ApiKey"/> (fail closed).
/// </summary>
internal sealed class AuthState
{
    private volatile object? _mode;

    public AuthMode Mode => _mode is AuthMode mode ? mode : AuthMode.ApiKey;

    public bool IsResolved => _mode is not null;

    public void Resolve(AuthMode mode) => _mode = mode;
}
