using System.Diagnostics;
using Xunit.Abstractions;

namespace Orleans.Sentiment.Themes.Tests;

/// <summary>Prints how long 1,000 comments take (the cap a source asks themes for); a figure to read, not a timed assertion.</summary>
public sealed class ThemeFinderBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public void Find_ThousandComments_PrintsTheTime()
    {
        var comments = PlantedThemes.Comments(334, noise: 3f).Take(1000).ToList();
        ThemeFinder.Find(comments, []);

        var times = new List<double>();
        ThemeResult? result = null;
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            result = ThemeFinder.Find(comments, []);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine($"1,000 comments ({PlantedThemes.Width} floats each): median {times[2]:F0} ms, fastest {times[0]:F0} ms of 5 (after one warm-up); build configuration matters (Release is the one to quote).");
        Assert.Equal(1000, result!.Themes.Sum(t => t.Count));
    }
}
