using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Orleans.Sentiment.Grains.Telemetry;

namespace Orleans.Sentiment.Silo.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c>: the admin key (compared in constant time) or a tenant key
/// from the registry. No header leaves the caller anonymous; a malformed or unknown key fails. Challenges and
/// refusals are answered as problem+json (401 with <c>WWW-Authenticate: Bearer</c>, 403). A refused key is one log
/// line and one count against its address (<see cref="FailedAuthenticationLimit"/>); keys are never logged.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth,
    ApiKeyCache keys,
    FailedAuthenticationLimit failures,
    SentimentMetrics metrics)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string TenantClaim = "tenant";
    public const string AdminClaim = "admin";
    public const string KeyIdClaim = "key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderNames.Authorization, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var header = values.ToString();
        const string bearer = "Bearer ";
        if (values.Count != 1 || !header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <key>'.");
        }

        var key = header[bearer.Length..].Trim();
        if (key.Length is 0 or > ApiKeyFormat.MaxKeyLength)
        {
            return AuthenticateResult.Fail("The bearer key is empty or too long.");
        }

        var presented = ApiKeyFormat.Hash(key);
        if (auth.Value.AdminKey is { Length: > 0 } admin && ApiKeyFormat.Matches(presented, ApiKeyFormat.Hash(admin)))
        {
            return Success(new Claim(AdminClaim, "true"));
        }

        return await keys.FindAsync(key) is { } record
            ? Success(new Claim(TenantClaim, record.Tenant), new Claim(KeyIdClaim, record.Id))
            : AuthenticateResult.Fail("Unknown or revoked key.");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // Only a key this handler refused counts; an exception (say, the registry unreachable) is the silo's fault.
        if ((await HandleAuthenticateOnceSafeAsync()).Failure is AuthenticationFailureException refused)
        {
            failures.Refused(ClientAddress.Of(Context), refused.Message);
        }

        metrics.RequestRejected(StatusCodes.Status401Unauthorized);
        Response.Headers.WWWAuthenticate = "Bearer";
        await TypedResults.Problem(
            title: "Authentication required.",
            detail: "Send 'Authorization: Bearer <key>' with a tenant key (POST /v1/tenants/{tenant}/keys) or the admin key (Auth:AdminKey).",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        metrics.RequestRejected(StatusCodes.Status403Forbidden);
        await TypedResults.Problem(
            title: "Forbidden.",
            detail: "This key does not give access to this route: a tenant key reaches only its own tenant's routes, and key management needs the admin key.",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
    }

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
