using Orleans.Sentiment.Data;

namespace Orleans.Sentiment.Tests.Languages;

/// <summary>The shared multilingual tweets (XLM-T, eight languages), with their language as an ISO 639-1 code.</summary>
internal static class XlmTweets
{
    public static readonly IReadOnlyDictionary<string, string> CodeOf = new Dictionary<string, string>
    {
        ["arabic"] = "ar", ["english"] = "en", ["french"] = "fr", ["german"] = "de",
        ["hindi"] = "hi", ["italian"] = "it", ["portuguese"] = "pt", ["spanish"] = "es",
    };

    public static IReadOnlyList<(string Code, string Text)> Load(string sharedData, string split) =>
        [.. InputFileReader.Read(Path.Combine(sharedData, "xlm_t", $"{split}.csv"), new InputFileOptions { LabelColumn = "language" })
            .Where(r => r.IsValid)
            .Select(r => (CodeOf[r.Label!], r.Text!))];
}
