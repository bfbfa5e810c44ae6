namespace Orleans.Sentiment.Hub;

/// <summary>Why a pull failed, so callers can tell a missing model from a network outage.</summary>
public enum HubErrorKind
{
    /// <summary>401/403: private or gated repository, or a wrong token.</summary>
    Unauthorized,

    /// <summary>404: repository, revision or file not found.</summary>
    NotFound,

    /// <summary>The hub could not be reached (DNS, connection, timeout) or answered with a server error.</summary>
    Network,

    /// <summary>The downloaded bytes do not match the size or sha256 the hub reported.</summary>
    Integrity,

    /// <summary>Offline mode and the cache does not hold what was asked for.</summary>
    NotCached,

    /// <summary>The repository holds no model files this runtime can use.</summary>
    Unusable,
}

/// <summary>A hub pull failure with a message meant for the person running it.</summary>
public sealed class HubException(HubErrorKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public HubErrorKind Kind { get; } = kind;
}
