using System.Text.Json;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Client.Http;

/// <summary>Trying an alert policy on past comments.</summary>
internal sealed partial class SiloApi
{
    /// <summary>
    /// <c>POST /v1/tenants/{tenant}/sources/{source}/policy-test</c>: the alerts <paramref name="policy"/> (a policy
    /// object as PUT alert-policy takes it, sent as written so the silo names its mistakes; null: the source's own
    /// policy) would have raised on <paramref name="comments"/>. Not retried: nothing is stored, and a 429 means the
    /// tenant is busy, which a retry would only add to.
    /// </summary>
    public async Task<PolicyTestResponse> TestPolicyAsync(string tenant, string source, JsonElement? policy, IReadOnlyList<PolicyTestComment> comments, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new PolicyTestBody(policy, comments), HttpApiJson.Options);
        using var content = JsonBytes(body);
        using var response = await _http.PostAsync(ApiRoutes.Path(ApiRoutes.PolicyTest, tenant, source), content, cancellationToken);
        return await ReadAsync<PolicyTestResponse>(response, cancellationToken);
    }

    // The request with the policy as the file holds it, rather than the contract's typed policy, which would drop unknown fields.
    private sealed record PolicyTestBody(JsonElement? Policy, IReadOnlyList<PolicyTestComment> Comments);
}
