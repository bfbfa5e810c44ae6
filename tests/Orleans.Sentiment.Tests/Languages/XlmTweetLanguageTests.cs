using System.Diagnostics;
using Orleans.Sentiment.Grains.Languages;
using Orleans.Sentiment.Languages;
using Orleans.Sentiment.Testing;
using Xunit.Abstractions;

namespace Orleans.Sentiment.Tests.Languages;

/// <summary>
/// Language identification measured on the shared tweets in eight languages (validation split), with the default
/// candidates: per language, how many are identified as their dataset's language and how many non-English ones would
/// be read as English (and so labelled by an English model). Prints the figures the docs quote.
/// </summary>
public sealed class XlmTweetLanguageTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public void DefaultCandidates_IdentifyTheTweetsLanguages()
    {
        var tweets = XlmTweets.Load(TestPaths.SharedData!, "val");
        var identifier = new LanguageIdentifier(LanguageOptions.DefaultCandidates, lowAccuracy: false);
        identifier.Identify("warm up the models of the Latin-script languages");
        var started = Stopwatch.GetTimestamp();
        var guesses = tweets.Select(t => identifier.Identify(t.Text)?.Code).ToArray();
        var perText = Stopwatch.GetElapsedTime(started).TotalMicroseconds / tweets.Count;

        var byLanguage = tweets.Select((t, i) => (t.Code, Guess: guesses[i])).GroupBy(p => p.Code).OrderBy(g => g.Key).ToList();
        foreach (var group in byLanguage)
        {
            var right = group.Count(p => p.Guess == group.Key);
            var asEnglish = group.Count(p => p.Guess == "en");
            var wrong = group.Where(p => p.Guess != group.Key).GroupBy(p => p.Guess ?? "none").OrderByDescending(g => g.Count()).Take(4);
            output.WriteLine($"{group.Key}: {right}/{group.Count()} ({100.0 * right / group.Count():F1} %) identified, {asEnglish} read as English; others: {string.Join(", ", wrong.Select(g => $"{g.Key} {g.Count()}"))}");
        }

        var correct = byLanguage.Sum(g => g.Count(p => p.Guess == g.Key));
        var nonEnglish = byLanguage.Where(g => g.Key != "en").SelectMany(g => g).ToList();
        // An English model labels what is read as English and what has no language (a short text of doubtful language).
        var unsupported = nonEnglish.Count(p => p.Guess is not null and not "en");
        output.WriteLine($"all: {correct}/{tweets.Count} ({100.0 * correct / tweets.Count:F1} %) identified; non-English an English model leaves unlabelled: {unsupported}/{nonEnglish.Count} ({100.0 * unsupported / nonEnglish.Count:F1} %); {perText:F0} µs per tweet (one thread, models loaded)");

        var english = byLanguage.Single(g => g.Key == "en");
        Assert.True(english.Count(p => p.Guess == "en") >= 0.97 * english.Count(), "English tweets must stay English");
        foreach (var group in byLanguage.Where(g => g.Key is not ("en" or "hi")))
        {
            Assert.True(group.Count(p => p.Guess == group.Key) >= 0.9 * group.Count(), $"{group.Key} identified too rarely");
        }

        var hindi = byLanguage.Single(g => g.Key == "hi");
        Assert.True(hindi.Count(p => p.Guess == "hi") >= 0.4 * hindi.Count(), "romanized Hindi must be recognised");
    }
}
