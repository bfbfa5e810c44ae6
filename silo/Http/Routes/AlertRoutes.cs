using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Alerts;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;
using Orleans.Sentiment.Silo.Http.TenantModels;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary>A source's alert policy (read and replaced whole) and its alert history.</summary>
internal static class AlertRoutes
{
    private const int DefaultLimit = 20;

    public static void MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiRoutes.AlertPolicy, GetPolicyAsync)
            .WithName("GetAlertPolicy").WithTags("Alerts").WithSummary("The source's alert policy; the webhook URL masked.")
            .Answers<AlertPolicyDto>(StatusCodes.Status200OK);
        app.MapPut(ApiRoutes.AlertPolicy, PutPolicyAsync)
            .WithName("PutAlertPolicy").WithTags("Alerts").WithSummary("Replace the source's alert policy; absent fields take their defaults, a masked webhook URL keeps the stored one.")
            .Reads<AlertPolicyDto>(ApiMediaTypes.Json)
            .Answers<AlertPolicyDto>(StatusCodes.Status200OK);
        app.MapGet(ApiRoutes.Alerts, GetAlertsAsync)
            .WithName("ListAlerts").WithTags("Alerts").WithSummary("The source's alerts and their delivery, newest first.")
            .TakesLimit("Slack:HistoryCapacity")
            .Answers<AlertsResponse>(StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetAlertsAsync(string tenant, string source, string? limit, IClusterClient cluster, IOptions<SlackOptions> slack)
    {
        if (RouteIds.Check(tenant, source) is { } invalidRoute)
        {
            return invalidRoute;
        }

        if (LimitQuery.Check(limit, slack.Value.HistoryCapacity, "Slack:HistoryCapacity", out var count) is { } invalid)
        {
            return invalid;
        }

        var history = await cluster.GetGrain<IAlertGrain>(new SourceKey(tenant, source).ToString()).GetHistoryAsync(count ?? DefaultLimit);
        return TypedResults.Ok(new AlertsResponse(history.Select(r => r.ToDto()).ToArray()));
    }

    private static async Task<IResult> GetPolicyAsync(string tenant, string source, IClusterClient cluster) =>
        RouteIds.Check(tenant, source) ?? TypedResults.Ok((await SourceRoutes.SourceGrain(cluster, tenant, source).GetPolicyAsync()).ToDto());

    private static async Task<IResult> PutPolicyAsync(string tenant, string source, HttpRequest request, IClusterClient cluster, WebhookUrlPolicy webhooks, CancellationToken cancellationToken)
    {
        if (RouteIds.Check(tenant, source) is { } invalid)
        {
            return invalid;
        }

        var (body, malformed) = await JsonBody.ReadAsync<AlertPolicyDto>(request, cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }

        if (body is null)
        {
            return Problems.Invalid("body", "must be an alert policy object");
        }

        var (policy, errors) = AlertPolicyReader.Read(body);
        if (policy?.WebhookUrl is { } sent)
        {
            policy = policy with { WebhookUrl = await WebhookUrlAsync(sent, cluster, tenant, source) };
            if (webhooks.Check(policy.WebhookUrl!) is { } refused)
            {
                errors = new Dictionary<string, string> { ["webhookUrl"] = refused };
            }
        }

        if (errors.Count == 0 && await SourceModelCheck.ProblemAsync(policy!.Models, tenant, cluster) is { } modelProblem)
        {
            errors = new Dictionary<string, string> { ["models"] = modelProblem };
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }

        await SourceRoutes.SourceGrain(cluster, tenant, source).SetPolicyAsync(policy!);
        return TypedResults.Ok(policy!.ToDto());
    }

    // A policy read back (webhook masked) and PUT again keeps its webhook instead of storing the mask.
    private static async Task<string> WebhookUrlAsync(string sent, IClusterClient cluster, string tenant, string source)
    {
        if (!WebhookUrlPolicy.LooksMasked(sent))
        {
            return sent;
        }

        var stored = (await SourceRoutes.SourceGrain(cluster, tenant, source).GetPolicyAsync()).WebhookUrl;
        return stored is not null && WebhookUrlPolicy.Mask(stored) == sent ? stored : sent;
    }
}
