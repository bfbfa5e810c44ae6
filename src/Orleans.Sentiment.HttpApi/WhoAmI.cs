using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Orleans.Sentiment.HttpApi;

/// <summary>What the key sent reaches; <c>tenant</c> is null (not absent) for the admin key or no key.</summary>
public sealed record WhoAmIResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Tenant,
    bool Admin,
    [property: Description("None or ApiKey")] string AuthMode);
