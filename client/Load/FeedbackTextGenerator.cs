namespace Orleans.Sentiment.Client.Load;

/// <summary>Feedback-like comments of 8–40 words, about a quarter of them complaints, from a seeded generator.</summary>
internal sealed class FeedbackTextGenerator(int seed)
{
    private static readonly string[] Openers = ["The app", "Checkout", "Support", "The new update", "Delivery", "The dashboard", "Billing", "Search"];
    private static readonly string[] Complaints = ["keeps crashing when I open it", "is broken again and nobody answers", "charged me twice, still waiting for a refund", "is so slow it times out every time"];
    private static readonly string[] Praise = ["works great, thanks for the quick fix", "is lovely and easy to use", "answered within minutes, very helpful", "got much faster after the update"];
    private static readonly string[] Filler = ["today", "on my phone", "for the third time this week", "since Monday", "after the last release", "with the new account", "as usual", "in the evening"];

    private readonly Random _random = new(seed);

    public string Next()
    {
        var complaint = _random.NextDouble() < 0.25;
        var words = new List<string> { Openers[_random.Next(Openers.Length)], (complaint ? Complaints : Praise)[_random.Next(4)] };
        var extra = _random.Next(0, 6);
        for (var i = 0; i < extra; i++)
        {
            words.Add(Filler[_random.Next(Filler.Length)]);
        }

        return string.Join(' ', words) + ".";
    }
}
