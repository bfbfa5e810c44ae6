using Orleans.Sentiment.Modeling;

namespace Orleans.Sentiment.Observability.Tests.Silo;

/// <summary>
/// Two small bag-of-words models in Hugging Face layout, so the silo starts in seconds and labels are known:
/// <c>sentiment</c> (comments with "refund", "broken" or "crashing" are negative, the rest positive) and
/// <c>category</c> (bug report, billing, praise, other).
/// </summary>
internal static class TestModels
{
    public static IReadOnlyDictionary<string, string> Write(string folder)
    {
        var sentiment = Path.Combine(folder, "sentiment");
        float[] negative = [20f, 0f];
        LexiconModelBuilder.Write(sentiment, ["negative", "positive"], [0f, 0.5f], new Dictionary<string, float[]>
        {
            ["refund"] = negative,
            ["broken"] = negative,
            ["crashing"] = negative,
        });

        var category = Path.Combine(folder, "category");
        LexiconModelBuilder.Write(category, ["bug report", "billing", "praise", "other"], [0f, 0f, 0f, 0.5f], new Dictionary<string, float[]>
        {
            ["broken"] = [20f, 0f, 0f, 0f],
            ["crashing"] = [20f, 0f, 0f, 0f],
            ["refund"] = [0f, 20f, 0f, 0f],
            ["lovely"] = [0f, 0f, 20f, 0f],
        });

        return new Dictionary<string, string>
        {
            ["Models:0:Name"] = "sentiment",
            ["Models:0:Path"] = sentiment,
            ["Models:1:Name"] = "category",
            ["Models:1:Path"] = category,
        };
    }
}
