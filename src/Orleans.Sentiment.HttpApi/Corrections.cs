using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.HttpApi;

/// <summary>A human-corrected label for one comment, named by exactly one of <c>id</c> (a recent comment of the tenant) or <c>text</c>.</summary>
public sealed record CorrectionRequest(
    string? Id,
    string? Text,
    [property: Required] string? Label,
    [property: Description("Where to look the id up; every source of the tenant when absent.")] string? Source);

/// <summary>The row appended to the tenant's corrections file.</summary>
public sealed record CorrectionDto(string Text, string Label, DateTimeOffset CorrectedAt, string? Id, string? Source);
