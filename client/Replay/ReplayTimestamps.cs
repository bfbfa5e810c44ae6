using System.Globalization;
using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Client.Replay;

/// <summary>
/// Reads a comment's time from a file: ISO 8601 (<c>2015-02-24T11:15:59-08:00</c>, <c>...Z</c>, fractions of a second)
/// or the space-separated form of exported tweets (<c>2015-02-24 11:15:59 -0800</c>). A time without an offset is
/// taken as UTC, so a replay never depends on the machine's time zone.
/// </summary>
internal static partial class ReplayTimestamps
{
    public const string Expected = "ISO 8601, e.g. 2015-02-24T11:15:59-08:00, or 2015-02-24 11:15:59 -0800";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
    ];

    public static bool TryParse(string? text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // "11:15:59 -0800" → "11:15:59-08:00": the one offset spelling the K specifier does not read.
        var normalised = OffsetWithoutColon().Replace(text.Trim(), "$1$2$3:$4");
        return DateTimeOffset.TryParseExact(normalised, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp);
    }

    [GeneratedRegex(@"^(.*\d)\s*([+-])(\d{2}):?(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetWithoutColon();
}
