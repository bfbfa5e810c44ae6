using System.CommandLine;
using System.Diagnostics;
using Orleans.Sentiment.Client.Http;
using Orleans.Sentiment.Client.Replay;
using Orleans.Sentiment.Data;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// <c>replay</c>: sends a file of time-stamped comments to a running silo in time order, with their own timestamps,
/// at real time or faster, to show how windows and alerts would have behaved.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("file") { Description = "Comments with a time column: .csv/.tsv (header row) or .jsonl." };
        var timeColumn = new Option<string>("--time-column") { Description = $"Column or field with each comment's time ({ReplayTimestamps.Expected}; no offset: UTC).", Required = true };
        var textColumn = new Option<string>("--text-column") { Description = "Column or field with the text.", DefaultValueFactory = _ => "text" };
        var idColumn = new Option<string?>("--id-column") { Description = "Column or field with unique comment ids (default: ids from the file's name and each row's line, the same on every run)." };
        var tenant = new Option<string>("--tenant") { Description = "Tenant id.", Required = true };
        var source = new Option<string?>("--source") { Description = "Source id for every row." };
        var sourceColumn = new Option<string?>("--source-column") { Description = "Column naming each row's source, made a valid id (\"Virgin America\" → virgin-america)." };
        var speed = new Option<double?>("--speed") { Description = "Comment time per wall time: 60 replays an hour a minute (default 1, real time)." };
        var asFast = new Option<bool>("--as-fast-as-possible") { Description = "Send without waiting, still in time order." };
        var batchSize = new Option<int>("--batch-size") { Description = "Comments per request (at most the silo's Ingestion:MaxBatchSize).", DefaultValueFactory = _ => 500 };
        speed.Validators.Add(r => { if (r.GetValue(speed) is { } x && (!double.IsFinite(x) || x <= 0)) { r.AddError("--speed must be a positive number."); } });
        batchSize.Validators.Add(r => { if (r.GetValue(batchSize) < 1) { r.AddError("--batch-size must be at least 1."); } });
        var url = SiloUrlOption.Create();
        var apiKey = ApiKeyOption.Create();

        var command = new Command("replay", "Send a time-stamped file to a running silo in time order, with its timestamps, at real time or faster.")
        {
            input, timeColumn, textColumn, idColumn, tenant, source, sourceColumn, speed, asFast, batchSize, url, apiKey,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(source) is null) == (r.GetValue(sourceColumn) is null))
            {
                r.AddError("Give either --source or --source-column.");
            }
            else if (r.GetValue(source) is { } id && !ReplaySourceIds.IsValid(id))
            {
                r.AddError($"--source '{id}' is not a valid source id (1 to 64 letters, digits, '.', '_' or '-', not starting with '.').");
            }

            if (r.GetValue(speed) is not null && r.GetValue(asFast))
            {
                r.AddError("Give --speed or --as-fast-as-possible, not both.");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(input)!,
            new ReplayColumns(parse.GetValue(timeColumn)!, parse.GetValue(idColumn), parse.GetValue(source), parse.GetValue(sourceColumn)),
            parse.GetValue(textColumn)!,
            parse.GetValue(tenant)!,
            parse.GetValue(asFast) ? ReplayPace.AsFastAsPossible : ReplayPace.Speed(parse.GetValue(speed) ?? 1),
            parse.GetValue(batchSize),
            new SiloApi(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, ReplayColumns columns, string textColumn, string tenant, ReplayPace pace, int batchSize, SiloApi silo, CancellationToken cancellationToken)
    {
        using var api = silo;
        if (Plan(file, columns, textColumn) is not { } comments)
        {
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var sender = new ReplaySender(api, tenant, batchSize, pace, TimeProvider.System, Task.Delay);
        var accepted = 0;
        try
        {
            await Progress.RunAsync($"Replaying ({pace})", comments.Count, report => sender.SendAsync(comments, (sent, at) =>
            {
                // Kept as it grows, so a replay stopped by the silo says how far it got.
                accepted = sent;
                report(sent, $"at {ReplaySummary.Time(at)}");
            }, cancellationToken));
        }
        catch (Exception e) when (e is SiloApiException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"Replay stopped after {accepted} comments: {e.Message}");
            return 1;
        }

        Console.WriteLine(ReplaySummary.Describe(tenant, comments, accepted, clock.Elapsed));
        return 0;
    }

    /// <summary>The file's comments in time order, or null after printing why it cannot be replayed; nothing is sent before this passes.</summary>
    private static IReadOnlyList<ReplayComment>? Plan(FileInfo file, ReplayColumns columns, string textColumn)
    {
        const int ProblemsShown = 20;
        try
        {
            if (InputFileReader.FormatOf(file.FullName) == InputFormat.Text)
            {
                Console.Error.WriteLine($"{file.Name}: a .txt file has no time column; replay reads .csv, .tsv or .jsonl.");
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
