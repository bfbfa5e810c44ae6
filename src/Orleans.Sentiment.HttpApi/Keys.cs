using System.ComponentModel;

namespace Orleans.Sentiment.HttpApi;

/// <summary>A new tenant key; the key itself is shown this once.</summary>
public sealed record CreatedKeyResponse(string Id, [property: Description("Send as 'Authorization: Bearer <key>'.")] string Key);

/// <summary>A tenant key as listed: never the key itself.</summary>
public sealed record KeyDto(string Id, DateTimeOffset CreatedAt);

public sealed record KeysResponse(IReadOnlyList<KeyDto> Keys);
