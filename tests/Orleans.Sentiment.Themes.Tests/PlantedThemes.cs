namespace Orleans.Sentiment.Themes.Tests;

/// <summary>
/// Comments in planted groups: each group's embeddings scatter around its own direction, and its texts share the
/// group's distinctive words among common ones, a shared @handle and a URL (which must never name a theme).
/// </summary>
internal static class PlantedThemes
{
    public const int Width = 384;

    public static readonly string[][] Words =
    [
        ["lost", "luggage", "baggage"],
        ["delayed", "late", "hours"],
        ["rude", "agent", "attitude"],
    ];

    private static readonly string[] Common = ["flight", "today", "again", "terrible", "plane", "trip"];

    /// <summary>Comment i of group g has the id "g-i"; the first <paramref name="exact"/> of each group lie on its direction.</summary>
    public static List<ThemeInput> Comments(int perGroup, int seed = 1, float noise = 0.6f, int exact = 0)
    {
        var random = new Random(seed);
        var comments = new List<ThemeInput>();
        for (var g = 0; g < Words.Length; g++)
        {
            for (var i = 0; i < perGroup; i++)
            {
                var embedding = new float[Width];
                embedding[g * 7] = 1;
                for (var j = 0; j < Width && i >= exact; j++)
                {
                    embedding[j] += noise * (float)(random.NextDouble() - 0.5) / 4;
                }

                var text = i < exact
                    ? $"@airline {string.Join(' ', Words[g])} http://t.co/x1"
                    : $"@airline {Words[g][random.Next(3)]} {Words[g][random.Next(3)]} {Common[random.Next(Common.Length)]} {Common[random.Next(Common.Length)]} 42 http://t.co/x{i}";
                comments.Add(new ThemeInput($"{g}-{i}", text, embedding));
            }
        }

        return comments;
    }

    public static int GroupOf(string id) => id[0] - '0';
}
