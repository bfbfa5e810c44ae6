namespace Orleans.Sentiment.Contracts;

/// <summary>An accepted comment that could not be classified, kept with the reason so it can be inspected and re-sent.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.DeadLetter")]
public sealed record DeadLetter(
    [property: Id(0)] string Source,
    [property: Id(1)] string Id,
    [property: Id(2)] string Text,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset At);

/// <summary>A page of a tenant's dead letters, newest first, with how many were ever stored.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.DeadLetterPage")]
public sealed record DeadLetterPage(
    [property: Id(0)] long Total,
    [property: Id(1)] IReadOnlyList<DeadLetter> Items);
