namespace Orleans.Sentiment.Training.Tests;

/// <summary>Small generated data sets whose labels follow from clear cue words, so a working trainer must learn them.</summary>
internal static class SyntheticFeedback
{
    private static readonly string[] Subjects = ["the app", "checkout", "the hotel room", "support", "my order", "the update", "delivery", "the website"];
    private static readonly string[] Positive = ["great", "excellent", "wonderful", "fast", "lovely", "perfect"];
    private static readonly string[] Negative = ["broken", "terrible", "awful", "slow", "useless", "crashing"];
    private static readonly string[] Fillers = ["today", "again", "this week", "honestly", "as usual", "for me"];

    /// <summary>Positive/negative sentences, seeded.</summary>
    public static List<LabeledExample> Sentiment(int count, int seed)
    {
        var random = new Random(seed);
        var examples = new List<LabeledExample>(count);
        for (var i = 0; i < count; i++)
        {
            var positive = random.Next(2) == 0;
            var cue = positive ? Pick(random, Positive) : Pick(random, Negative);
            examples.Add(new LabeledExample($"{Pick(random, Subjects)} is {cue} {Pick(random, Fillers)}", [positive ? "positive" : "negative"]));
        }

        return examples;
    }

    /// <summary>Sentences that mention billing, a crash, both or neither; labels are the topics mentioned.</summary>
    public static List<LabeledExample> MultiLabel(int count, int seed)
    {
        var random = new Random(seed);
        var examples = new List<LabeledExample>(count);
        for (var i = 0; i < count; i++)
        {
            var billing = random.Next(2) == 0;
            var bug = random.Next(2) == 0 || !billing;
            var parts = new List<string> { Pick(random, Subjects) };
            var labels = new List<string>();
            if (billing)
            {
                parts.Add("charged me twice on the invoice");
                labels.Add("billing");
            }

            if (bug)
            {
                parts.Add("and the screen freezes with an error");
                labels.Add("bug");
            }

            parts.Add(Pick(random, Fillers));
            examples.Add(new LabeledExample(string.Join(' ', parts), labels));
        }

        return examples;
    }

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
}
