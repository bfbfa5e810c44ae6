using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Silo.Auth;

/// <summary>Authentication of the HTTP API (configuration section "Auth").</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    /// <summary>Shortest admin key accepted, so it cannot be guessed.</summary>
    public const int MinAdminKeyLength = 16;

    /// <summary>
    /// <c>None</c> or <c>ApiKey</c>; unset means <c>ApiKey</c> when the server listens on any non-loopback address
    /// and <c>None</c> on a loopback-only binding. <c>None</c> with a non-loopback binding stops the silo at start-up.
    /// </summary>
    public AuthMode? Mode { get; set; }

    /// <summary>The admin credential (env <c>Auth__AdminKey</c>): creates and revokes tenant keys and may call every route.</summary>
    public string? AdminKey { get; set; }

    /// <summary>When true, <c>/metrics</c> needs the admin key; by default it is open.</summary>
    public bool ProtectMetrics { get; set; }

    /// <summary>
    /// Failed authentications (a key that is malformed, unknown or revoked) one client address may make per minute
    /// (token bucket holding a minute's worth); beyond it, requests from that address that present a key get 429
    /// before the key is looked up. 0 turns the limit off.
    /// </summary>
    [Range(0, 100_000, ErrorMessage = "Auth:FailedAuthenticationsPerMinute must be between {1} and {2}.")]
    public int FailedAuthenticationsPerMinute { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdminKey is { } key && (key.Length < MinAdminKeyLength || key.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))))
        {
            yield return new ValidationResult(
                $"Auth:AdminKey must be at least {MinAdminKeyLength} characters without whitespace or control characters.", [nameof(AdminKey)]);
        }
    }
}
