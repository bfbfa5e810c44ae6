using System.Globalization;

using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>The <c>limit</c> query parameter of list routes.</summary>
internal static class LimitQuery
{
    /// <returns>A 400 naming <c>limit</c>, or null with <paramref name="count"/> set (null when absent).</returns>
    public static IResult? Check(string? limit, int max, string setting, out int? count)
    {
        count = null;
        if (limit is null)
        {
            return null;
        }

        if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1 || parsed > max)
        {
            return Problems.Invalid("limit", $"must be a whole number from 1 to {max} ({setting})");
        }

        count = parsed;
        return null;
    }
}
