using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary>What a source's recent comments of a label are about: themes from the sentence embeddings their classification returned.</summary>
internal static class ThemeRoutes
{
    private const int MaxNameLength = 129;

    public static void MapThemes(this IEndpointRouteBuilder app) =>
        app.MapGet(ApiRoutes.Themes, GetThemesAsync)
            .WithName("GetThemes").WithTags("Sources")
            .WithSummary("Themes of the source's recent comments with a label (?label=negative, optional &model=category): each named by its distinctive words, with its count, share, representative comments and the ids of its comments.")
            .Answers<ThemesResponse>(StatusCodes.Status200OK);

    private static async Task<IResult> GetThemesAsync(string tenant, string source, string? label, string? model, IClusterClient cluster)
    {
        if (RouteIds.Check(tenant, source) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(label) || label.Length > MaxNameLength)
        {
            return Problems.Invalid("label", "is required: the label whose comments are grouped (e.g. ?label=negative)");
        }

        if (model is not null && (string.IsNullOrWhiteSpace(model) || model.Length > MaxNameLength))
        {
            return Problems.Invalid("model", "must name a model when given");
        }

        var themes = await SourceRoutes.SourceGrain(cluster, tenant, source).GetThemesAsync(model?.Trim(), label.Trim());
        return TypedResults.Ok(new ThemesResponse(themes.Model, themes.Label, themes.Found ? "found" : themes.Unavailable ? "unavailable" : "notEnoughComments", themes.Message, themes.Comments,
            themes.Themes.Select(t => new ThemeDto(t.Name, t.Keywords, t.Count, t.Share, t.Representatives.Select(r => new ThemeCommentDto(r.Id, r.Text)).ToArray(), t.CommentIds)).ToArray()));
    }
}
