using System.CommandLine;
using Orleans.Sentiment.Data;
using Orleans.Sentiment.Data.Preparation;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary><c>prepare FILE</c>: clean a labelled file, show its label balance, write clean/train/validation/test files.</summary>
internal static class PrepareCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Labelled input: .csv, .tsv or .jsonl" };
        var textColumn = new Option<string>("--text-column") { Description = "Column (or JSON field) holding the text", DefaultValueFactory = _ => "text" };
        var labelColumn = new Option<string>("--label-column") { Description = "Column (or JSON field) holding the label", DefaultValueFactory = _ => "label" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output directory (default: FILE.prepared next to the input)" };
        var maxImbalance = new Option<double>("--max-imbalance") { Description = "Warn when the largest class has more than this many times the rows of the smallest", DefaultValueFactory = _ => 3.0 };
        var balance = new Option<string>("--balance") { Description = "Balance the training split: none, under (drop rows of large classes) or over (repeat rows of small classes)", DefaultValueFactory = _ => "none" };
        balance.AcceptOnlyFromAmong("none", "under", "over");
        var seed = new Option<int>("--seed") { Description = "Seed for the split and balancing", DefaultValueFactory = _ => 42 };
        var split = new Option<string>("--split") { Description = "Train, validation and test shares", DefaultValueFactory = _ => "0.8,0.1,0.1" };
        var format = new Option<string>("--format") { Description = "Output format: same (as the input), csv, tsv or jsonl", DefaultValueFactory = _ => "same" };
        format.AcceptOnlyFromAmong("same", "csv", "tsv", "jsonl");

        var command = new Command("prepare", "Clean a labelled CSV/TSV/JSONL file (trim, drop null, empty and duplicate rows), check the label balance and write a stratified train/validation/test split.")
        {
            file, textColumn, labelColumn, output, maxImbalance, balance, seed, split, format,
        };
        command.SetAction(parse =>
        {
            var input = parse.GetValue(file)!;
            try
            {
                var options = new PrepareOptions
                {
                    TextColumn = parse.GetValue(textColumn)!,
                    LabelColumn = parse.GetValue(labelColumn)!,
                    MaxImbalance = parse.GetValue(maxImbalance),
                    Balance = Enum.Parse<BalanceMode>(parse.GetValue(balance)!, ignoreCase: true),
                    Seed = parse.GetValue(seed),
                    Split = SplitFractions.Parse(parse.GetValue(split)!),
                    Format = parse.GetValue(format) switch
                    {
                        "csv" => OutputFormat.Csv,
                        "tsv" => OutputFormat.Tsv,
                        "jsonl" => OutputFormat.JsonLines,
                        _ => OutputFormat.SameAsInput,
                    },
                };
                var directory = parse.GetValue(output)?.FullName ?? DatasetPreparer.DefaultOutputDirectory(input.FullName);
                var report = DatasetPreparer.Prepare(input.FullName, directory, options);
                PrepareReportView.Render(report);
                return report.Cleaning.Rows.Count > 0 ? 0 : 1;
            }
            catch (Exception e) when (e is InputFileException or ArgumentException or IOException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]prepare failed:[/] {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
