using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>
/// Checks the comments of a policy test as ingestion checks comments (text present and within
/// <c>Ingestion:MaxTextLength</c>, ids as ingestion takes them), and that each has the timestamp it will be played at.
/// Errors name the field, as <c>comments[3].timestamp</c>.
/// </summary>
internal static class PolicyTestReader
{
    /// <summary>The comments, each with its position in the request, or null with the errors added.</summary>
    public static IReadOnlyList<Comment>? ReadComments(IReadOnlyList<PolicyTestComment?>? comments, string tenant, string source, IngestionOptions limits, ErrorList errors)
    {
        if (comments is null || comments.Count == 0)
        {
            errors.Add("comments", "must hold at least one comment");
            return null;
        }

        var read = new List<Comment>(comments.Count);
        for (var i = 0; i < comments.Count; i++)
        {
            var path = $"comments[{i}]";
            if (comments[i] is not { } comment)
            {
                errors.Add(path, "must be an object with text and timestamp");
                continue;
            }

            CommentTextCheck.Add(comment.Text, $"{path}.text", limits, errors);

            if (comment.Timestamp is null)
            {
                errors.Add($"{path}.timestamp", "is required: an ISO 8601 date-time string");
            }

            if (comment.Id is not null && CommentIds.Problem(comment.Id, limits.MaxIdLength) is { } problem)
            {
                errors.Add($"{path}.id", problem);
            }

            if (!errors.Any)
            {
                read.Add(new Comment(tenant, source, comment.Id, comment.Text!, comment.Timestamp!.Value));
            }
        }

        return errors.Any ? null : read;
    }

    /// <summary>The policy to try, with the errors named under <c>policy.</c>; its webhook is dropped, as nothing is posted.</summary>
    public static (AlertPolicy? Policy, IReadOnlyDictionary<string, string> Errors) ReadPolicy(AlertPolicyDto body)
    {
        var (policy, errors) = AlertPolicyReader.Read(body with { WebhookUrl = null });
        return (policy, errors.ToDictionary(e => $"policy.{e.Key}", e => e.Value));
    }
}
