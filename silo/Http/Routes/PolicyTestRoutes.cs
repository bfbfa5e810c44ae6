using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Alerts;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;
using Orleans.Sentiment.Silo.Http.TenantModels;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary>
/// A dry run of an alert policy on past comments: they are classified in the tenant's share of the model queue and
/// played through the policy in time order, as the source would have decided. Nothing reaches the source's window,
/// its alert grain or a webhook.
/// </summary>
internal static class PolicyTestRoutes
{
    public static void MapPolicyTest(this IEndpointRouteBuilder app) =>
        app.MapPost(ApiRoutes.PolicyTest, TestAsync)
            .WithName("TestAlertPolicy").WithTags("Alerts")
            .WithSummary("Try an alert policy (absent: the source's own) on time-stamped comments: the alerts it would have raised. Nothing is posted or stored; at most Ingestion:MaxRequestBytes.")
            .Reads<PolicyTestRequest>(ApiMediaTypes.Json)
            .Answers<PolicyTestResponse>(StatusCodes.Status200OK);

    private static async Task<IResult> TestAsync(
        string tenant, string source, HttpRequest request, IClusterClient cluster, IOptions<IngestionOptions> limits, IOptions<SentimentOptions> sentiment, CancellationToken cancellationToken)
    {
        if (RouteIds.Check(tenant, source) is { } invalidRoute)
        {
            return invalidRoute;
        }

        var (body, malformed) = await JsonBody.ReadAsync<PolicyTestRequest>(request, cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }

        if (body is null)
        {
            return Problems.Invalid("body", "must be an object with comments and, optionally, a policy");
        }

        var errors = new ErrorList();
        var comments = PolicyTestReader.ReadComments(body.Comments, tenant, source, limits.Value, errors);
        var policy = await PolicyAsync(body.Policy, tenant, source, cluster, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var outcomes = await new CommentClassifier(cluster, sentiment.Value, tenant, () => policy!.Models, () => policy!.IncludeUnsupportedLanguages).ClassifyAsync(comments!);
        return TypedResults.Ok(Play(policy!, sentiment.Value, comments!, outcomes));
    }

    /// <summary>The policy sent, checked as PUT alert-policy checks it, or the source's own; without its webhook either way.</summary>
    private static async Task<AlertPolicy?> PolicyAsync(AlertPolicyDto? sent, string tenant, string source, IClusterClient cluster, ErrorList errors)
    {
        if (sent is null)
        {
            return (await SourceRoutes.SourceGrain(cluster, tenant, source).GetPolicyAsync()) with { WebhookUrl = null };
        }

        var (policy, problems) = PolicyTestReader.ReadPolicy(sent);
        foreach (var (field, message) in problems)
        {
            errors.Add(field, message);
        }

        if (policy is not null && await SourceModelCheck.ProblemAsync(policy.Models, tenant, cluster) is { } modelProblem)
        {
            errors.Add("policy.models", modelProblem);
        }

        return policy;
    }

    /// <summary>Plays the classified comments in time order (equal times keep the request's order); failed ones are only counted.</summary>
    private static PolicyTestResponse Play(AlertPolicy policy, SentimentOptions options, IReadOnlyList<Comment> comments, IReadOnlyList<CommentClassifier.Outcome> outcomes)
    {
        var run = new PolicyDryRun(policy, options);
        var played = Enumerable.Range(0, comments.Count).Where(i => outcomes[i].Predictions is not null).OrderBy(i => comments[i].Timestamp);
        foreach (var i in played)
        {
            run.Add(comments[i].Timestamp, outcomes[i].Predictions!, i, comments[i].Id);
        }

        return new PolicyTestResponse(
            comments.Count,
            run.Comments,
            comments.Count - run.Comments,
            comments.Min(c => c.Timestamp),
            comments.Max(c => c.Timestamp),
            run.Alerts.Select(a => a.ToDto()).ToArray());
    }
}
