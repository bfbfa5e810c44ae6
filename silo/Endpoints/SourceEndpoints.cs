using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Alerts;

namespace Orleans.Sentiment.Silo.Endpoints;

internal static class SourceEndpoints
{
    private const int DefaultLimit = 20;

    public static void MapSources(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/tenants/{tenant}/sources", GetSourcesAsync);
        var source = app.MapGroup("/v1/tenants/{tenant}/sources/{source}");
        source.MapGet("/window", GetWindowAsync);
        source.MapGet("/comments", GetCommentsAsync);
        source.MapGet("/alerts", GetAlertsAsync);
        source.MapGet("/alert-policy", GetPolicyAsync);
        source.MapPut("/alert-policy", PutPolicyAsync);
    }

    private static async Task<IResult> GetSourcesAsync(string tenant, IClusterClient cluster) =>
        Problems.CheckRoute(tenant) ?? TypedResults.Ok(new SourcesResponse(await cluster.GetGrain<ITenantGrain>(tenant).GetSourcesAsync()));

    private static async Task<IResult> GetWindowAsync(string tenant, string source, IClusterClient cluster) =>
        Problems.CheckRoute(tenant, source) ?? TypedResults.Ok(WindowDto.From(await Grain(cluster, tenant, source).GetWindowAsync()));

    private static async Task<IResult> GetCommentsAsync(string tenant, string source, string? limit, IClusterClient cluster, IOptions<SentimentOptions> options)
    {
        var max = options.Value.RecentCapacity;
        if (Problems.CheckRoute(tenant, source) is { } invalidRoute)
        {
            return invalidRoute;
        }

        if (Limits.Check(limit, max, "Sentiment:RecentCapacity", out var count) is { } invalid)
        {
            return invalid;
        }

        var recent = await Grain(cluster, tenant, source).GetRecentAsync(count ?? DefaultLimit);
        return TypedResults.Ok(new CommentsResponse(recent.Select(ClassifiedItemDto.From).ToArray()));
    }

    private static async Task<IResult> GetAlertsAsync(string tenant, string source, string? limit, IClusterClient cluster, IOptions<Grains.Alerts.SlackOptions> slack)
    {
        if (Problems.CheckRoute(tenant, source) is { } invalidRoute)
        {
            return invalidRoute;
        }

        if (Limits.Check(limit, slack.Value.HistoryCapacity, "Slack:HistoryCapacity", out var count) is { } invalid)
        {
            return invalid;
        }

        var history = await cluster.GetGrain<IAlertGrain>(new SourceKey(tenant, source).ToString()).GetHistoryAsync(count ?? DefaultLimit);
        return TypedResults.Ok(new AlertsResponse(history.Select(AlertRecordDto.From).ToArray()));
    }

    private static async Task<IResult> GetPolicyAsync(string tenant, string source, IClusterClient cluster) =>
        Problems.CheckRoute(tenant, source) ?? TypedResults.Ok(AlertPolicyDto.From(await Grain(cluster, tenant, source).GetPolicyAsync()));

    private static async Task<IResult> PutPolicyAsync(string tenant, string source, HttpRequest request, IClusterClient cluster, WebhookUrlPolicy webhooks, CancellationToken cancellationToken)
    {
        if (Problems.CheckRoute(tenant, source) is { } invalid)
        {
            return invalid;
        }

        var (body, malformed) = await ApiJson.ReadAsync<AlertPolicyDto>(request, cancellationToken);
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

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }

        await Grain(cluster, tenant, source).SetPolicyAsync(policy!);
        return TypedResults.Ok(AlertPolicyDto.From(policy!));
    }

    // A policy read back (webhook masked) and PUT again keeps its webhook instead of storing the mask.
    private static async Task<string> WebhookUrlAsync(string sent, IClusterClient cluster, string tenant, string source)
    {
        if (!WebhookUrlPolicy.LooksMasked(sent))
        {
            return sent;
        }

        var stored = (await Grain(cluster, tenant, source).GetPolicyAsync()).WebhookUrl;
        return stored is not null && WebhookUrlPolicy.Mask(stored) == sent ? stored : sent;
    }

    private static IFeedbackSourceGrain Grain(IClusterClient cluster, string tenant, string source) =>
        cluster.GetGrain<IFeedbackSourceGrain>(new SourceKey(tenant, source).ToString());
}
