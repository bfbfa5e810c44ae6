using System.Globalization;
using System.Xml;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Alerts;

namespace Orleans.Sentiment.Silo.Endpoints;

internal static class SourceEndpoints
{
    private const int DefaultCommentLimit = 20;

    public static void MapSources(this IEndpointRouteBuilder app)
    {
        var source = app.MapGroup("/v1/tenants/{tenant}/sources/{source}");
        source.MapGet("/window", GetWindowAsync);
        source.MapGet("/comments", GetCommentsAsync);
        source.MapGet("/alert-policy", GetPolicyAsync);
        source.MapPut("/alert-policy", PutPolicyAsync);
    }

    private static async Task<IResult> GetWindowAsync(string tenant, string source, IClusterClient cluster) =>
        Problems.CheckRoute(tenant, source) ?? TypedResults.Ok(await Grain(cluster, tenant, source).GetWindowAsync());

    private static async Task<IResult> GetCommentsAsync(string tenant, string source, string? limit, IClusterClient cluster, IOptions<SentimentOptions> options)
    {
        if (Problems.CheckRoute(tenant, source) is { } invalid)
        {
            return invalid;
        }

        var max = options.Value.RecentCapacity;
        var count = DefaultCommentLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > max))
        {
            return Problems.Invalid("limit", $"must be a whole number from 1 to {max} (Sentiment:RecentCapacity)");
        }

        var recent = await Grain(cluster, tenant, source).GetRecentAsync(count);
        return TypedResults.Ok(new CommentsResponse(recent.Select(ClassifiedItemDto.From).ToArray()));
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

        if (!TryParseCooldown(body.Cooldown, out var cooldown))
        {
            return Problems.Invalid("cooldown", "must be an ISO 8601 duration (PT15M) or hh:mm:ss");
        }

        var defaults = AlertPolicy.Default;
        var windowSize = body.WindowSize ?? defaults.WindowSize;
        var policy = new AlertPolicy(
            windowSize,
            body.Threshold ?? defaults.Threshold,
            body.MinCount ?? Math.Min(defaults.MinCount, windowSize),
            cooldown ?? defaults.Cooldown,
            await WebhookUrlAsync(body.WebhookUrl, cluster, tenant, source));
        var errors = policy.Validate().ToDictionary();
        if (policy.WebhookUrl is { } url && !errors.ContainsKey("webhookUrl") && webhooks.Check(url) is { } refused)
        {
            errors["webhookUrl"] = refused;
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }

        await Grain(cluster, tenant, source).SetPolicyAsync(policy);
        return TypedResults.Ok(AlertPolicyDto.From(policy));
    }

    // A policy read back (webhook masked) and PUT again keeps its webhook instead of storing the mask.
    private static async Task<string?> WebhookUrlAsync(string? sent, IClusterClient cluster, string tenant, string source)
    {
        if (string.IsNullOrWhiteSpace(sent))
        {
            return null;
        }

        if (!WebhookUrlPolicy.LooksMasked(sent))
        {
            return sent;
        }

        var stored = (await Grain(cluster, tenant, source).GetPolicyAsync()).WebhookUrl;
        return WebhookUrlPolicy.Mask(stored) == sent ? stored : sent;
    }

    private static bool TryParseCooldown(string? text, out TimeSpan? cooldown)
    {
        cooldown = null;
        if (text is null)
        {
            return true;
        }

        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                cooldown = XmlConvert.ToTimeSpan(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        if (TimeSpan.TryParseExact(text, ["c", @"hh\:mm\:ss", @"h\:mm\:ss"], CultureInfo.InvariantCulture, out var parsed))
        {
            cooldown = parsed;
            return true;
        }

        return false;
    }

    private static IFeedbackSourceGrain Grain(IClusterClient cluster, string tenant, string source) =>
        cluster.GetGrain<IFeedbackSourceGrain>(new SourceKey(tenant, source).ToString());
}
