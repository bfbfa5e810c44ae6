using System.Text.RegularExpressions;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>Reads a silo's console output (the simple console format: "info: Category[id]" then the message) back as entries.</summary>
public static partial class SiloLog
{
    public sealed record Entry(string Level, string Category, string Message);

    public static IReadOnlyList<Entry> Entries(string output)
    {
        var entries = new List<Entry>();
        string? level = null, category = null;
        var message = new List<string>();
        foreach (var line in output.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (Header().Match(line) is { Success: true } header)
            {
                Add();
                (level, category) = (header.Groups["level"].Value, header.Groups["category"].Value);
            }
            else if (level is not null)
            {
                message.Add(line.Trim());
            }
        }

        Add();
        return entries;

        void Add()
        {
            if (level is not null)
            {
                entries.Add(new Entry(level, category!, string.Join('\n', message).Trim()));
            }

            message.Clear();
        }
    }

    /// <summary>The entries whose message contains <paramref name="fragment"/>.</summary>
    public static IReadOnlyList<Entry> Containing(string output, string fragment) =>
        Entries(output).Where(e => e.Message.Contains(fragment, StringComparison.Ordinal)).ToArray();

    [GeneratedRegex(@"^(?<level>trce|dbug|info|warn|fail|crit): (?<category>[^\[]+)\[")]
    private static partial Regex Header();
}
