using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>
/// The rules of a correction body: it names its comment by exactly one of <c>id</c> or <c>text</c>, a text says
/// something, and a source is a valid id. The label's own rules are the corrections store's.
/// </summary>
internal static class CorrectionReader
{
    /// <summary>A 400 naming what is wrong, or null when the body may be stored.</summary>
    public static IResult? Check(CorrectionRequest? body)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.Id) == string.IsNullOrWhiteSpace(body.Text))
        {
            return Problems.Invalid("body", "must name the comment by exactly one of \"id\" or \"text\"");
        }

        if (body.Text is not null && TextContent.IsBlank(body.Text))
        {
            return Problems.Invalid("text", "must not be only whitespace, control or format characters");
        }

        return RouteIds.Check(("source", body.Source));
    }
}
