namespace Orleans.Sentiment.Themes.Tests;

public sealed class ThemeFinderTests
{
    private static readonly ThemeOptions Three = new() { MaxThemes = 3 };

    [Fact]
    public void Find_PlantedGroups_RecoversEachGroupAsOneTheme()
    {
        var result = ThemeFinder.Find(PlantedThemes.Comments(40), [], Three);

        Assert.Equal(ThemeStatus.Found, result.Status);
        Assert.Equal(3, result.Themes.Count);
        Assert.All(result.Themes, t => Assert.Equal(40, t.Count));
        Assert.All(result.Themes, t => Assert.Single(t.CommentIds.Select(PlantedThemes.GroupOf).Distinct()));
        Assert.All(result.Themes, t => Assert.Equal(1 / 3.0, t.Share, 6));
    }

    [Fact]
    public void Find_PlantedGroups_NamesEachByItsDistinctiveWordsNotHandlesOrUrls()
    {
        var result = ThemeFinder.Find(PlantedThemes.Comments(40), ["@airline great flight today http://t.co/y", "@airline lovely trip"], Three);

        foreach (var theme in result.Themes)
        {
            var planted = PlantedThemes.Words[PlantedThemes.GroupOf(theme.CommentIds[0])];
            var named = theme.Name.Split(" · ");
            Assert.Equal(planted.Order(), named.Order());
            Assert.DoesNotContain(theme.Keywords, k => k.Word.Contains("airline", StringComparison.Ordinal) || k.Word.Contains("http", StringComparison.Ordinal) || k.Word == "co");
        }
    }

    [Fact]
    public void Find_BelowMinimum_SaysNotEnoughCommentsAndGivesNoThemes()
    {
        var comments = PlantedThemes.Comments(10).Take(29).ToList();

        var result = ThemeFinder.Find(comments, [], new ThemeOptions { MinComments = 30 });

        Assert.Equal(ThemeStatus.NotEnoughComments, result.Status);
        Assert.Empty(result.Themes);
        Assert.Equal(29, result.CommentCount);
        Assert.Contains("30", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_SameInputTwice_GivesTheSameThemes()
    {
        var comments = PlantedThemes.Comments(60, noise: 3f);

        var first = ThemeFinder.Find(comments, [], new ThemeOptions());
        var second = ThemeFinder.Find(comments, [], new ThemeOptions());

        Assert.Equal(first.Themes.Select(t => (t.Name, string.Join(',', t.CommentIds))), second.Themes.Select(t => (t.Name, string.Join(',', t.CommentIds))));
    }

    [Fact]
    public void Find_Representatives_AreTheMembersNearestTheCentre()
    {
        var result = ThemeFinder.Find(PlantedThemes.Comments(40, exact: 2), [], Three with { Representatives = 2 });

        foreach (var theme in result.Themes)
        {
            var group = PlantedThemes.GroupOf(theme.CommentIds[0]);
            Assert.Equal([$"{group}-0", $"{group}-1"], theme.Representatives.Select(r => r.Id).Order());
        }
    }

    [Fact]
    public void Find_ClusterUnderMinimumShare_IsGatheredIntoOtherListedLast()
    {
        // Every comment on its group's direction: no split of a group can fit better than isolating the small one.
        var comments = PlantedThemes.Comments(40, exact: 40);
        comments.RemoveAll(c => PlantedThemes.GroupOf(c.Id) == 2 && int.Parse(c.Id[2..], System.Globalization.CultureInfo.InvariantCulture) >= 3);

        var result = ThemeFinder.Find(comments, [], Three with { MinThemeShare = 0.1 });

        var other = result.Themes[^1];
        Assert.True(other.IsOther);
        Assert.Equal(ThemeFinder.OtherName, other.Name);
        Assert.Equal(["2-0", "2-1", "2-2"], other.CommentIds);
        Assert.All(result.Themes.Take(result.Themes.Count - 1), t => Assert.False(t.IsOther));
    }

    [Fact]
    public void Find_ThemesAreLargestFirst()
    {
        var comments = PlantedThemes.Comments(40);
        comments.RemoveAll(c => PlantedThemes.GroupOf(c.Id) == 0 && int.Parse(c.Id[2..], System.Globalization.CultureInfo.InvariantCulture) >= 20);

        var result = ThemeFinder.Find(comments, [], Three);

        Assert.Equal([40, 40, 20], result.Themes.Select(t => t.Count));
    }
}
