using Orleans.Sentiment.Modeling;

namespace Orleans.Sentiment.Silo.Models;

/// <summary>
/// Interim built-in model the project makes itself offline: a weighted word list (lexicon) written as an ONNX
/// bag-of-words model. It is replaced by the trained built-in models of the training work.
/// </summary>
internal static class BuiltInModels
{
    private static readonly string[] NegativeWords =
    [
        "angry", "annoyed", "annoying", "awful", "bad", "broke", "broken", "bug", "buggy", "cancel", "cancelled", "charged",
        "complain", "complaint", "crap", "crash", "crashed", "crashes", "crashing", "delay", "delayed", "disappointed",
        "disappointing", "disgusting", "error", "errors", "fail", "failed", "fails", "failure", "freeze", "freezes", "frozen",
        "frustrated", "frustrating", "garbage", "hate", "horrible", "lost", "mess", "missing", "never", "nightmare", "not",
        "overcharged", "poor", "problem", "problems", "refund", "rude", "scam", "slow", "stuck", "terrible", "unusable",
        "useless", "waste", "wasted", "worse", "worst", "wrong", "unacceptable", "ridiculous", "pathetic", "laggy", "lag",
        "unhappy", "dead", "damaged", "late", "dirty", "noisy", "ignored", "unresponsive", "incompetent", "sucks",
    ];

    private static readonly string[] PositiveWords =
    [
        "amazing", "awesome", "best", "easy", "excellent", "fantastic", "fast", "friendly", "glad", "good", "great", "happy",
        "helpful", "love", "loved", "lovely", "nice", "perfect", "pleased", "quick", "recommend", "reliable", "smooth",
        "thank", "thanks", "wonderful", "works", "impressed", "brilliant", "superb", "enjoy", "enjoyed", "fixed", "solved",
    ];

    public static List<ModelOptions> Prepare(string cacheDirectory)
    {
        var folder = Path.Combine(cacheDirectory, "builtin-lexicon-v1");
        if (!File.Exists(ModelFolderWriter.OnnxPath(folder)))
        {
            var weights = NegativeWords.ToDictionary(w => w, _ => new[] { 6f, 0f })
                .Concat(PositiveWords.ToDictionary(w => w, _ => new[] { 0f, 6f }))
                .ToDictionary(p => p.Key, p => p.Value);
            LexiconModelBuilder.Write(folder, ["negative", "positive"], [0f, 0.2f], weights);
        }

        return [new ModelOptions { Name = "sentiment", Path = folder }];
    }
}
