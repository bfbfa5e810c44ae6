using System.ComponentModel;

namespace Orleans.Sentiment.HttpApi;

/// <summary>An accepted comment that could not be classified.</summary>
public sealed record DeadLetterDto(
    string Source,
    string Id,
    string Text,
    [property: Description("model_error or classifier_unavailable")] string Reason,
    DateTimeOffset At);

/// <summary>A tenant's dead letters, newest first, with how many were ever stored.</summary>
public sealed record DeadLettersResponse(long Total, IReadOnlyList<DeadLetterDto> DeadLetters);
