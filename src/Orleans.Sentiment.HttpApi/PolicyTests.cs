using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.HttpApi;

/// <summary>
/// A policy tried on past comments: the silo classifies them and plays them through the policy in time order, as the
/// source would have decided, without posting or storing anything.
/// </summary>
public sealed record PolicyTestRequest(
    [property: Description("The alert policy to try, as PUT alert-policy takes it (webhookUrl is ignored); absent: the source's current policy.")] AlertPolicyDto? Policy,
    [property: Required, Description("The comments, each with its own time; played in time order (equal times keep their order).")] IReadOnlyList<PolicyTestComment?>? Comments);

/// <summary>One past comment of a policy test.</summary>
public sealed record PolicyTestComment(
    [property: Description("Names the comment in the alerts it raises.")] string? Id,
    [property: Required] string? Text,
    [property: Required, Description("When the comment was written (ISO 8601): the windows, baselines and cooldowns run on these times.")] DateTimeOffset? Timestamp);

/// <summary>What a policy would have done with the comments.</summary>
public sealed record PolicyTestResponse(
    [property: Description("Comments sent.")] int Comments,
    [property: Description("Comments classified and played through the policy.")] int Classified,
    [property: Description("Comments no model could classify; left out of the windows.")] int Failed,
    [property: Description("The earliest comment time.")] DateTimeOffset? From,
    [property: Description("The latest comment time.")] DateTimeOffset? To,
    [property: Description("The alerts the policy would have raised, in time order.")] IReadOnlyList<PolicyTestAlertDto> Alerts);

/// <summary>An alert a policy test would have raised, at the comment that raised it.</summary>
public sealed record PolicyTestAlertDto(
    [property: Description("spike or recovery")] string Kind,
    [property: Description("The comment time at which the source would have decided it.")] DateTimeOffset At,
    [property: Description("The label the alert is about.")] string Label,
    [property: Description("The model whose label it is; absent: the source's sentiment model.")] string? Model,
    [property: Description("threshold or baseline")] string Detector,
    [property: Description("Comments in the part of the window that decided (the whole window, or a recent part of it for the baseline detector).")] int Count,
    [property: Description("Those comments with the label.")] int Hits,
    [property: Description("hits / count as the detector judged it.")] double Share,
    [property: Description("Baseline detector: the long-run share of the label.")] double? Baseline,
    [property: Description("Baseline detector: the test's p-value.")] double? PValue,
    [property: Description("The id of the comment that raised it, when it had one.")] string? CommentId,
    [property: Description("That comment's position in the request's comments (from 0).")] int CommentIndex);
