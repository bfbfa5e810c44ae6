using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Client.Commands;

/// <summary><c>--interval</c> of <c>stats --watch</c>: <c>2s</c>, <c>500ms</c>, <c>1m</c> or <c>hh:mm:ss</c>.</summary>
internal static partial class StatsInterval
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(100);

    public static Option<TimeSpan> Create() => new("--interval")
    {
        Description = "Time between refreshes with --watch: 2s (default), 500ms, 1m or hh:mm:ss.",
        DefaultValueFactory = _ => Default,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (TryParse(text, out var interval) && interval >= Minimum)
            {
                return interval;
            }

            result.AddError($"--interval must be a duration of at least 100ms such as 2s, 500ms, 1m or 00:00:05, not '{text}'.");
            return Default;
        },
    };

    public static bool TryParse(string text, out TimeSpan interval)
    {
        var match = Shorthand().Match(text.Trim());
        if (match.Success)
        {
            var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            interval = match.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromHours(value),
            };
            return true;
        }

        return TimeSpan.TryParseExact(text, ["c", @"hh\:mm\:ss", @"h\:mm\:ss"], CultureInfo.InvariantCulture, out interval);
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m|h)$")]
    private static partial Regex Shorthand();
}
