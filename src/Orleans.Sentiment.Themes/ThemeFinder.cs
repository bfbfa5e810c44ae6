namespace Orleans.Sentiment.Themes;

/// <summary>
/// Groups one source's recent comments of a label into themes: spherical k-means over each comment's embedding and
/// words (<see cref="ThemeFeatures"/>), clusters too small to show gathered into "other", each theme named by its most
/// distinctive words against the other themes and the source's comments of other labels (<see cref="ClassTfIdf"/>).
/// Deterministic for the same input and options. The caller bounds the input (about 1,000 comments).
/// </summary>
public static class ThemeFinder
{
    public const string OtherName = "other";

    /// <summary>The fewest comments a cluster is sought for on average, so a few comments do not split into noise.</summary>
    public const int CommentsPerCluster = 10;

    public static ThemeResult Find(IReadOnlyList<ThemeInput> focus, IReadOnlyList<string> background, ThemeOptions? options = null)
    {
        options ??= new ThemeOptions();
        if (focus.Count < Math.Max(1, options.MinComments))
        {
            return ThemeResult.NotEnough(focus.Count, options.MinComments);
        }

        var words = new List<string>[focus.Count];
        for (var i = 0; i < focus.Count; i++)
        {
            words[i] = WordTokenizer.Words(focus[i].Text);
        }

        var features = ThemeFeatures.Build(focus, words, options);
        var k = Math.Clamp(focus.Count / CommentsPerCluster, 1, Math.Max(1, options.MaxThemes));
        var clusters = SphericalKMeans.Cluster(features, k, options);
        var groups = Group(clusters, k, focus.Count, options.MinThemeShare);

        var classes = new List<IReadOnlyList<List<string>>>(groups.Count);
        foreach (var group in groups)
        {
            classes.Add(group.Members.ConvertAll(i => words[i]));
        }

        var keywords = ClassTfIdf.Keywords(classes, Tokenized(background), options.Keywords);
        var themes = new List<Theme>(groups.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            var members = groups[g].Members;
            var name = groups[g].IsOther ? OtherName : Name(keywords[g], options.NameWords);
            themes.Add(new Theme(
                name,
                keywords[g],
                members.Count,
                members.Count / (double)focus.Count,
                Representatives(clusters, members, focus, options.Representatives),
                members.ConvertAll(i => focus[i].Id),
                groups[g].IsOther));
        }

        return new ThemeResult(ThemeStatus.Found, $"{themes.Count} themes in {focus.Count} comments.", focus.Count, themes);
    }

    /// <summary>The clusters largest first (ties by first member), those under the minimum share gathered last into one.</summary>
    private static List<(List<int> Members, bool IsOther)> Group(SphericalKMeans clusters, int k, int count, double minShare)
    {
        var members = new List<int>[k];
        for (var c = 0; c < k; c++)
        {
            members[c] = [];
        }

        for (var i = 0; i < count; i++)
        {
            members[clusters.Assignment[i]].Add(i);
        }

        var groups = new List<(List<int> Members, bool IsOther)>();
        var other = new List<int>();
        foreach (var cluster in members)
        {
            if (cluster.Count == 0)
            {
                continue;
            }

            if (cluster.Count < minShare * count)
            {
                other.AddRange(cluster);
            }
            else
            {
                groups.Add((cluster, false));
            }
        }

        groups.Sort((a, b) => a.Members.Count != b.Members.Count ? b.Members.Count.CompareTo(a.Members.Count) : a.Members[0].CompareTo(b.Members[0]));
        if (other.Count > 0)
        {
            other.Sort();
            groups.Add((other, true));
        }

        return groups;
    }

    private static string Name(List<ThemeKeyword> keywords, int words)
    {
        var parts = new List<string>(words);
        for (var i = 0; i < keywords.Count && i < words; i++)
        {
            parts.Add(keywords[i].Word);
        }

        return parts.Count > 0 ? string.Join(" · ", parts) : OtherName;
    }

    /// <summary>The members most similar to their own cluster's centre.</summary>
    private static List<ThemeRepresentative> Representatives(SphericalKMeans clusters, List<int> members, IReadOnlyList<ThemeInput> focus, int count)
    {
        var ranked = members.ConvertAll(i => (Point: i, Similarity: clusters.Similarity(i, clusters.Assignment[i])));
        ranked.Sort((a, b) => a.Similarity != b.Similarity ? b.Similarity.CompareTo(a.Similarity) : a.Point.CompareTo(b.Point));
        var representatives = new List<ThemeRepresentative>(count);
        for (var r = 0; r < ranked.Count && r < count; r++)
        {
            var input = focus[ranked[r].Point];
            representatives.Add(new ThemeRepresentative(input.Id, input.Text));
        }

        return representatives;
    }

    private static IEnumerable<List<string>> Tokenized(IReadOnlyList<string> texts)
    {
        foreach (var text in texts)
        {
            yield return WordTokenizer.Words(text);
        }
    }
}
