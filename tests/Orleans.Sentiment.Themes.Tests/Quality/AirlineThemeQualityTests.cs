using System.Diagnostics;
using Orleans.Sentiment.Testing;
using Xunit.Abstractions;

namespace Orleans.Sentiment.Themes.Tests.Quality;

/// <summary>
/// Themes of negative airline tweets against their annotated reason (<c>negativereason</c>), with the two vectors a
/// source can group by (<c>Themes:Embedding</c>): bare all-MiniLM-L6-v2's mean-pooled vector of the tweet without
/// @handles and links (<c>sentence</c>, the default), and the pooled vector the built-in sentiment model returns with
/// its logits for the raw tweet (<c>classifier</c>). A seeded sample of 3,000 of the 7,354 negative tweets, run as three
/// sets of 1,000 (the cap a source asks themes for) so the embedding stays under a minute on two cores; docs/themes.md
/// has the full-set figures.
/// </summary>
public sealed class AirlineThemeQualityTests(ITestOutputHelper output)
{
    private const int Sets = 3;
    private const int SetSize = 1000;

    [SharedDataFact]
    public void Find_NegativeAirlineTweetsEmbeddedByTheBuiltInSentimentModel_ThemesAgreeWithTheAnnotatedReasons()
    {
        using var embedder = new BuiltInSentimentEmbedder();
        var (nmi, purity) = Measure(embedder, wordWeight: 3, text => text);

        // Measured 0.177 / 0.474 with the silo's word weight (3), 0.139 / 0.427 with 1: the sentiment fine-tuning leaves
        // little topic in the embedding (docs/themes.md). Below the 0.25 / 0.5 the themes are meant to reach.
        Assert.True(nmi >= 0.15, $"NMI {nmi:F3} is below 0.15.");
        Assert.True(purity >= 0.44, $"Purity {purity:F3} is below 0.44.");
    }

    [SharedDataFact]
    public void Find_NegativeAirlineTweetsEmbeddedByBareMiniLmWithoutHandlesOrLinks_ThemesAgreeWithTheAnnotatedReasons()
    {
        using var embedder = new MiniLmEmbedder();
        var (nmi, purity) = Measure(embedder, wordWeight: 1, EmbeddingText.Of);

        // Measured 0.262 / 0.545 on this sample (0.243 / 0.508 embedding the raw tweets; docs/themes.md); the floors leave
        // room for spread and still fail for the raw tweets' vectors.
        Assert.True(nmi >= 0.25, $"NMI {nmi:F3} is below 0.25.");
        Assert.True(purity >= 0.52, $"Purity {purity:F3} is below 0.52.");
    }

    private (double Nmi, double Purity) Measure(ITextEmbedder embedder, float wordWeight, Func<string, string> embedded)
    {
        var tweets = AirlineTweet.Read(Path.Combine(TestPaths.SharedData!, "airline", "train.csv"));
        var random = new Random(7);
        var negative = tweets.Where(t => t.Sentiment == "negative").OrderBy(_ => random.Next()).Take(Sets * SetSize).ToList();
        var background = tweets.Where(t => t.Sentiment != "negative").Take(SetSize).Select(t => t.Text).ToList();
        var embeddings = embedder.Embed([.. negative.Select(t => embedded(t.Text))]);

        var reasons = negative.Select(t => t.Reason).ToList();
        var (nmi, purity) = (0.0, 0.0);
        for (var set = 0; set < Sets; set++)
        {
            var range = Enumerable.Range(set * SetSize, SetSize).ToList();
            var inputs = range.Select(i => new ThemeInput(i.ToString(System.Globalization.CultureInfo.InvariantCulture), negative[i].Text, embeddings[i])).ToList();
            var watch = Stopwatch.StartNew();
            var result = ThemeFinder.Find(inputs, background, new ThemeOptions { WordWeight = wordWeight });
            watch.Stop();

            var clusterOf = result.Themes.SelectMany((theme, t) => theme.CommentIds.Select(id => (Id: int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), Theme: t))).ToDictionary(p => p.Id, p => p.Theme.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var (setNmi, setPurity) = ClusterAgreement.Measure([.. range.Select(i => clusterOf[i])], [.. range.Select(i => reasons[i])]);
            output.WriteLine($"set {set + 1}: {result.Themes.Count} themes, NMI {setNmi:F3}, purity {setPurity:F3}, {watch.ElapsedMilliseconds} ms");
            if (set == 0)
            {
                foreach (var theme in result.Themes)
                {
                    output.WriteLine($"  {theme.Count,4}  {theme.Name}");
                }
            }

            nmi += setNmi / Sets;
            purity += setPurity / Sets;
        }

        output.WriteLine($"mean of {Sets} sets of {SetSize}: NMI {nmi:F3}, purity {purity:F3}");
        return (nmi, purity);
    }
}
