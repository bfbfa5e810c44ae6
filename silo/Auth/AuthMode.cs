namespace Orleans.Sentiment.Silo.Auth;

/// <summary>How the HTTP API authenticates callers (setting <c>Auth:Mode</c>).</summary>
public enum AuthMode
{
    /// <summary>Open: anyone who reaches the port may call every tenant route. Only allowed on loopback bindings.</summary>
    None,

    /// <summary>Every route but health, dashboard (and, by default, metrics) needs <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    ApiKey,
}
