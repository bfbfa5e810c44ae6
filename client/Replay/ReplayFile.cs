using Orleans.Sentiment.Data;

namespace Orleans.Sentiment.Client.Replay;

/// <summary>
/// Reads a time-stamped file into comments in time order, checking every row first: a bad row is printed by line and
/// column and nothing is sent, so a verb never stops half way through a file.
/// </summary>
internal static class ReplayFile
{
    private const int ProblemsShown = 20;

    /// <summary>The file's comments in time order, or null after printing why <paramref name="verb"/> cannot use it.</summary>
    public static IReadOnlyList<ReplayComment>? Load(FileInfo file, ReplayColumns columns, string textColumn, string verb)
    {
        try
        {
            if (InputFileReader.FormatOf(file.FullName) == InputFormat.Text)
            {
                Console.Error.WriteLine($"{file.Name}: a .txt file has no time column; {verb} reads .csv, .tsv or .jsonl.");
                return null;
            }

            var rows = InputFileReader.Read(file.FullName, new InputFileOptions { TextColumn = textColumn, ExtraColumns = columns.Extra });
            var plan = ReplayPlan.Build(file.Name, rows, columns, textColumn);
            foreach (var problem in plan.Problems.Take(ProblemsShown))
            {
                Console.Error.WriteLine(problem);
            }

            if (plan.Problems.Count > 0)
            {
                Console.Error.WriteLine($"{plan.Problems.Count} bad row{(plan.Problems.Count == 1 ? "" : "s")}{(plan.Problems.Count > ProblemsShown ? $" ({ProblemsShown} shown)" : "")}; nothing was sent.");
                return null;
            }

            return plan.Comments;
        }
        catch (InputFileException e)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }
}
