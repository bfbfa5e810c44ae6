using System.Text.RegularExpressions;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Tests.Configuration;

/// <summary>
/// The settings the README documents: the keys in the first column of every table headed <c>| Setting |</c>, as
/// written there (a row may name several: <c>`Orleans:SiloPort`, `Orleans:GatewayPort`</c>; <c>N</c> stands for a
/// list index, as in <c>Models:N:Path</c>).
/// </summary>
internal static partial class ReadmeSettings
{
    public static IReadOnlySet<string> Read()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var inTable = false;
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.RepositoryRoot, "README.md")))
        {
            if (line.StartsWith("| Setting |", StringComparison.Ordinal))
            {
                inTable = true;
            }
            else if (!line.StartsWith('|'))
            {
                inTable = false;
            }
            else if (inTable)
            {
                keys.UnionWith(Key().Matches(line.Split('|')[1]).Select(m => m.Groups["key"].Value));
            }
        }

        return keys;
    }

    [GeneratedRegex("`(?<key>[^`]+)`")]
    private static partial Regex Key();
}
