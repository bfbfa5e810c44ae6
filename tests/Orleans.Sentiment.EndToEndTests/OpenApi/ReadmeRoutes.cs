using System.Text.RegularExpressions;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests.OpenApi;

/// <summary>The routes the README's "HTTP API" table lists, as "METHOD /path" (a row may give several methods: <c>`PUT`/`GET /path`</c>).</summary>
internal static partial class ReadmeRoutes
{
    public static IReadOnlySet<string> Read()
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var table = lines
            .SkipWhile(l => l != "## HTTP API")
            .SkipWhile(l => !l.StartsWith("| Route", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(l => l.StartsWith('|'));
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in table)
        {
            var cell = line.Split('|')[1];
            foreach (Match match in Route().Matches(cell))
            {
                foreach (var method in match.Groups["also"].Captures.Select(c => c.Value).Append(match.Groups["method"].Value))
                {
                    routes.Add($"{method} {match.Groups["path"].Value}");
                }
            }
        }

        return routes;
    }

    [GeneratedRegex(@"(?:`(?<also>[A-Z]+)`/)*`(?<method>[A-Z]+) (?<path>/[^`?\s]*)")]
    private static partial Regex Route();
}
