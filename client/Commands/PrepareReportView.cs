using System.Globalization;
using Orleans.Sentiment.Data.Preparation;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>Prints a <see cref="PrepareReport"/>: what each rule dropped, malformed lines, label bars, split files.</summary>
internal static class PrepareReportView
{
    private const int MaxMalformedShown = 20;
    private const int BarWidth = 40;

    public static void Render(PrepareReport report)
    {
        var cleaning = report.Cleaning;
        AnsiConsole.MarkupLineInterpolated($"Read [bold]{cleaning.RecordsRead:N0}[/] records from {report.InputPath}; kept [bold]{cleaning.Rows.Count:N0}[/].");
        AnsiConsole.Write(DropTable(cleaning));
        RenderMalformed(cleaning.Malformed);
        if (cleaning.DuplicatesWithOtherLabel > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {cleaning.DuplicatesWithOtherLabel:N0} dropped duplicates carried a different label than the row kept; check the labelling.");
        }

        AnsiConsole.Write(DistributionTable("Label distribution (cleaned)", report.Distribution));
        RenderImbalance(report);
        if (report.Balance != BalanceMode.None)
        {
            AnsiConsole.Write(DistributionTable($"Training split after {report.Balance.ToString().ToLowerInvariant()}-sampling", report.TrainDistribution));
        }

        AnsiConsole.Write(FilesTable(report));
    }

    private static Table DropTable(CleaningResult cleaning)
    {
        var table = new Table().Title("Cleaning").AddColumn("rule").AddColumn(new TableColumn("rows").RightAligned());
        table.AddRow("malformed (not parsed)", Count(cleaning.Malformed.Count));
        foreach (var (rule, count) in cleaning.Dropped)
        {
            table.AddRow(Describe(rule), Count(count));
        }

        table.AddRow("[bold]kept[/]", $"[bold]{Count(cleaning.Rows.Count)}[/]");
        return table;
    }

    private static void RenderMalformed(IReadOnlyList<MalformedRow> malformed)
    {
        if (malformed.Count == 0)
        {
            return;
        }

        AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {malformed.Count:N0} malformed records were not used:");
        foreach (var row in malformed.Take(MaxMalformedShown))
        {
            AnsiConsole.MarkupLineInterpolated($"  line {row.Line}: {row.Error}");
        }

        if (malformed.Count > MaxMalformedShown)
        {
            AnsiConsole.MarkupLineInterpolated($"  ... and {malformed.Count - MaxMalformedShown:N0} more");
        }
    }

    private static Table DistributionTable(string title, LabelDistribution distribution)
    {
        var table = new Table().Title(title).AddColumn("label").AddColumn(new TableColumn("rows").RightAligned())
            .AddColumn(new TableColumn("share").RightAligned()).AddColumn("");
        var largest = distribution.Counts.Count == 0 ? 1 : distribution.Counts[0].Value;
        foreach (var (label, count) in distribution.Counts)
        {
            var share = (double)count / distribution.Total;
            var bar = new string('█', Math.Max(1, (int)Math.Round(BarWidth * (double)count / largest)));
            table.AddRow(Markup.Escape(label), Count(count), share.ToString("P1", CultureInfo.InvariantCulture), $"[green]{bar}[/]");
        }

        return table;
    }

    private static void RenderImbalance(PrepareReport report)
    {
        var counts = report.Distribution.Counts;
        if (counts.Count < 2)
        {
            AnsiConsole.MarkupLine("[yellow]warning:[/] fewer than two labels: nothing to classify.");
            return;
        }

        var ratio = report.Distribution.ImbalanceRatio.ToString("0.0", CultureInfo.InvariantCulture);
        var limit = report.MaxImbalance.ToString("0.##", CultureInfo.InvariantCulture);
        if (report.IsImbalanced)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] imbalanced labels: '{counts[0].Key}' has {ratio}x the rows of '{counts[^1].Key}' (limit {limit}, --max-imbalance). Consider --balance under or --balance over.");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"Balance ok: largest/smallest = {ratio} (limit {limit}).");
        }
    }

    private static Table FilesTable(PrepareReport report)
    {
        var table = new Table().Title("Files written").AddColumn("part").AddColumn(new TableColumn("rows").RightAligned()).AddColumn("path");
        table.AddRow("cleaned", Count(report.Cleaning.Rows.Count), Markup.Escape(report.Files.Cleaned));
        table.AddRow("train", Count(report.Split.Train.Count), Markup.Escape(report.Files.Train));
        table.AddRow("validation", Count(report.Split.Validation.Count), Markup.Escape(report.Files.Validation));
        table.AddRow("test", Count(report.Split.Test.Count), Markup.Escape(report.Files.Test));
        return table;
    }

    private static string Describe(DropRule rule) => rule switch
    {
        DropRule.NullText => "null text (null, NaN, None, N/A)",
        DropRule.EmptyText => "empty text",
        DropRule.MissingLabel => "missing label",
        DropRule.ExactDuplicate => "exact duplicate",
        DropRule.FoldedDuplicate => "duplicate after case/whitespace folding",
        _ => rule.ToString(),
    };

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
