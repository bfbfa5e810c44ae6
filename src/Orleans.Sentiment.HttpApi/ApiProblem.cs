using System.ComponentModel;

namespace Orleans.Sentiment.HttpApi;

/// <summary>
/// Every error answer (<c>application/problem+json</c>, RFC 9457). 400s name each offending field in
/// <c>errors</c>; refused ingestion batches say how many comments were <c>published</c>.
/// </summary>
public sealed record ApiProblem(
    string? Type,
    string Title,
    int Status,
    string? Detail,
    string? Instance = null,
    [property: Description("The request's trace id, as the silo's logs show it.")] string? TraceId = null,
    [property: Description("400: messages by field ([3].text, line 2: text, tenant, body, ...); at most 20 fields.")] IReadOnlyDictionary<string, string[]>? Errors = null,
    [property: Description("400 from a batch: how many errors there were in all.")] int? ErrorCount = null,
    [property: Description("429/503 on ingestion: how many comments of the batch are on the stream.")] int? Published = null,
    [property: Description("503 after a partial publish: every id of the batch, to re-send it with.")] IReadOnlyList<string>? Ids = null,
    [property: Description("409 on key creation: the most keys a tenant may hold.")] int? Limit = null,
    [property: Description("409 from the evaluation gate: both versions' held-out macro-F1 and the regression allowed.")] GateFiguresDto? Gate = null,
    [property: Description("409 on deleting a model: the training jobs of its queued or training versions, to cancel first.")] IReadOnlyList<string>? Jobs = null);

/// <summary>Why the evaluation gate refused a version: its held-out macro-F1 is lower than the serving version's by more than <c>Training:MaxRegression</c>.</summary>
public sealed record GateFiguresDto(string CandidateVersion, double CandidateMacroF1, string ActiveVersion, double ActiveMacroF1, double MaxRegression);
