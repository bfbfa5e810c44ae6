using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.HttpApi;

/// <summary>A human-corrected label for one comment, named by exactly one of <c>id</c> (a recent comment of the tenant) or <c>text</c>.</summary>
public sealed record CorrectionRequest(
    string? Id,
    string? Text,
    [property: Required] string? Label,
    [property: Description("Where to look the id up; every source of the tenant when absent.")] string? Source,
    [property: Description("A tenant model (its name, or tenant:model) whose label this is: the correction joins that model's examples. Absent: the tenant's corrections file, for the built-in models.")] string? Model = null);

/// <summary>The row stored: in the tenant's corrections file, or (with a model) among the model's examples.</summary>
public sealed record CorrectionDto(string Text, string Label, DateTimeOffset CorrectedAt, string? Id, string? Source, string? Model = null);
