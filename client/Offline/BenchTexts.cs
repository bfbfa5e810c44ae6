using Orleans.Sentiment.Data;

namespace Orleans.Sentiment.Client.Offline;

/// <summary>Texts for the speed baseline: a given file, else SST-2 validation sentences, else built-in feedback.</summary>
internal static class BenchTexts
{
    private static readonly string[] BuiltIn =
    [
        "The app keeps crashing every time I open the camera. Please fix this, it was fine before the update.",
        "Love it!",
        "Customer service put me on hold for two hours and then hung up. Never flying with you again.",
        "Would be great if I could export my notes as PDF.",
        "Flight was on time, crew was friendly and the seats were comfortable.",
        "meh",
        "Since version 4.2 the sync between my phone and laptop silently drops edits. I lost a whole afternoon of work and support just sent me a link to the FAQ.",
        "Please add a dark mode, my eyes hurt at night.",
        "Bag lost for the second time this month. Still no answer from the baggage desk.",
        "Five stars, does exactly what it says.",
        "The new layout is confusing; I cannot find the settings anymore.",
        "Thanks for the quick refund, really appreciated!",
        "It's okay I guess, a bit slow on older phones.",
        "Login fails with error 502 after entering the code from the text message.",
        "Best purchase this year. The battery lasts for days and the screen is gorgeous.",
        "Can you make the font size adjustable? Older users like my parents struggle to read the menus.",
        "cancelled flight, no hotel voucher, no food, no information. absolutely terrible experience at the gate",
        "Works as expected.",
        "The latest update deleted all my playlists.",
        "I wish the search understood typos, otherwise a solid app.",
        "Great movie with a predictable but charming story; the lead actor carries it.",
        "A tedious, overlong mess that never finds its rhythm.",
        "Delayed 3 hours and the pilot was the only one who apologised.",
        "Feature request: let me schedule messages to send later.",
        "Ads every thirty seconds make this unusable.",
        "Fantastic support team, solved my billing problem in minutes.",
        "Not sure what changed but notifications stopped arriving on Android 14.",
        "It's fine.",
        "The checkout page freezes when I apply a discount code, so I had to order from your competitor instead, which is a shame because I liked your shop.",
        "Beautiful design and very intuitive.",
        "why does it need access to my contacts??",
        "Seats were dirty and the wifi didn't work for the entire six hour flight, but the crew tried their best to make up for it.",
    ];

    public static IReadOnlyList<string> Load(string? path, int count)
    {
        if (path is null && FeedbackCorpus() is { } corpus)
        {
            return FeedbackLike(corpus, count);
        }

        var source = Source(path);
        if (source.Count == 0)
        {
            throw new ArgumentException($"--texts file '{path}' holds no texts.");
        }

        // Repeat the pool when it is smaller than the requested count, keeping its order.
        return [.. Enumerable.Range(0, count).Select(i => source[i % source.Count])];
    }

    public static string Describe(string? path) =>
        path ?? (FeedbackCorpus() is not null ? "feedback-like comments: 1-4 sentences of data/builtin/feedback.csv, 8-40 words, seeded"
            : SstValidation() is not null ? "SST-2 validation sentences (shared data)" : "built-in feedback samples");

    private static IReadOnlyList<string> Source(string? path)
    {
        if (path is not null)
        {
            return [.. InputFileReader.Read(path).Where(r => r.IsValid && !string.IsNullOrWhiteSpace(r.Text)).Select(r => r.Text!)];
        }

        return SstValidation() is { } sst
            ? [.. InputFileReader.Read(sst, new InputFileOptions { TextColumn = "sentence" }).Where(r => r.IsValid && !string.IsNullOrWhiteSpace(r.Text)).Select(r => r.Text!.Trim())]
            : BuiltIn;
    }

    /// <summary>Feedback-like comments joined from the sentences of the project's own corpus.</summary>
    private static IReadOnlyList<string> FeedbackLike(string corpus, int count) =>
        FeedbackComments.Join([.. InputFileReader.Read(corpus).Where(r => r.IsValid && !string.IsNullOrWhiteSpace(r.Text)).Select(r => r.Text!.Trim())], count);

    private static string? FeedbackCorpus() =>
        SharedData.RepositoryRoot() is { } root && Path.Combine(root, "data", "builtin", "feedback.csv") is var path && File.Exists(path) ? path : null;

    private static string? SstValidation() =>
        SharedData.Find() is { } data && Path.Combine(data, "sst2", "validation.tsv") is var path && File.Exists(path) ? path : null;
}
