using Orleans.Sentiment.Data;

namespace Orleans.Sentiment.Client.Replay;

/// <summary>
/// A file's rows as comments to replay, sorted by time (stable: rows of equal time keep the file's order), or the
/// problems that stop it: every row must have text, a time, a source and an id unique within its source before
/// anything is sent, so a replay never stops half way through a file.
/// </summary>
internal sealed class ReplayPlan
{
    private ReplayPlan(IReadOnlyList<ReplayComment> comments, IReadOnlyList<string> problems) => (Comments, Problems) = (comments, problems);

    public IReadOnlyList<ReplayComment> Comments { get; }

    /// <summary>One line per bad row, "file:line: what is wrong", naming the column.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static ReplayPlan Build(string fileName, IEnumerable<InputRow> rows, ReplayColumns columns, string textColumn)
    {
        var comments = new List<ReplayComment>();
        var problems = new List<string>();
        var firstLineOfId = new Dictionary<(string Source, string Id), int>();
        foreach (var row in rows)
        {
            var problem = Problem(fileName, row, columns, textColumn, out var comment);
            if (problem is null && !firstLineOfId.TryAdd((comment!.Source, comment.Id), row.Line))
            {
                problem = $"column '{columns.IdColumn}': id '{comment.Id}' repeats line {firstLineOfId[(comment.Source, comment.Id)]}'s in source '{comment.Source}' (ids must be unique; without --id-column each row gets one from its line)";
            }

            if (problem is null)
            {
                comments.Add(comment!);
            }
            else
            {
                problems.Add($"{fileName}:{row.Line}: {problem}");
            }
        }

        return new ReplayPlan(comments.OrderBy(c => c.Timestamp).ToList(), problems);
    }

    /// <summary>
    /// A row's id when the file has none: its file's name and line, the same on every run of the same file (so the
    /// silo counts a re-run's comments as duplicates) and different for every row (so repeated texts are all counted).
    /// </summary>
    public static string DerivedId(string fileName, int line) =>
        $"{(fileName.Length > 64 ? fileName[..64] : fileName)}:{line}";

    private static string? Problem(string fileName, InputRow row, ReplayColumns columns, string textColumn, out ReplayComment? comment)
    {
        comment = null;
        if (!row.IsValid)
        {
            return row.Error;
        }

        if (string.IsNullOrWhiteSpace(row.Text))
        {
            return $"column '{textColumn}' is empty";
        }

        var time = row.Fields.GetValueOrDefault(columns.TimeColumn);
        if (!ReplayTimestamps.TryParse(time, out var timestamp))
        {
            return $"column '{columns.TimeColumn}': '{Shown(time)}' is not a time ({ReplayTimestamps.Expected})";
        }

        var source = columns.Source;
        if (columns.SourceColumn is not null)
        {
            var value = row.Fields.GetValueOrDefault(columns.SourceColumn);
            source = ReplaySourceIds.FromValue(value);
            if (source is null)
            {
                return $"column '{columns.SourceColumn}': '{Shown(value)}' gives no source id (letters, digits, '.', '_' or '-')";
            }
        }

        var id = columns.IdColumn is null ? DerivedId(fileName, row.Line) : row.Fields.GetValueOrDefault(columns.IdColumn);
        if (string.IsNullOrWhiteSpace(id))
        {
            return $"column '{columns.IdColumn}' is empty";
        }

        comment = new ReplayComment(row.Line, source!, id, row.Text, timestamp);
        return null;
    }

    // A cell quoted in a message, cut short: it may be anything, even a whole comment in the wrong column.
    private static string Shown(string? value) => value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;
}
