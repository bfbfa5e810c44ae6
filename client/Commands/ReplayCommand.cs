using System.CommandLine;
using System.Diagnostics;
using Orleans.Sentiment.Client.Http;
using Orleans.Sentiment.Client.Replay;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// <c>replay</c>: sends a file of time-stamped comments to a running silo in time order, with their own timestamps,
/// at real time or faster, to show how windows and alerts would have behaved.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var file = new TimedFileOptions();
        var speed = new Option<double?>("--speed") { Description = "Comment time per wall time: 60 replays an hour a minute (default 1, real time)." };
        var asFast = new Option<bool>("--as-fast-as-possible") { Description = "Send without waiting, still in time order." };
        var batchSize = new Option<int>("--batch-size") { Description = "Comments per request (at most the silo's Ingestion:MaxBatchSize).", DefaultValueFactory = _ => 500 };
        speed.Validators.Add(r => { if (r.GetValue(speed) is { } x && (!double.IsFinite(x) || x <= 0)) { r.AddError("--speed must be a positive number."); } });
        batchSize.Validators.Add(r => { if (r.GetValue(batchSize) < 1) { r.AddError("--batch-size must be at least 1."); } });
        var url = SiloUrlOption.Create();
        var apiKey = ApiKeyOption.Create();

        var command = new Command("replay", "Send a time-stamped file to a running silo in time order, with its timestamps, at real time or faster.");
        file.AddTo(command);
        foreach (var option in new Option[] { speed, asFast, batchSize, url, apiKey })
        {
            command.Add(option);
        }

        command.Validators.Add(r =>
        {
            if (r.GetValue(speed) is not null && r.GetValue(asFast))
            {
                r.AddError("Give --speed or --as-fast-as-possible, not both.");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(
            file.Load(parse, "replay"),
            parse.GetValue(file.Tenant)!,
            parse.GetValue(asFast) ? ReplayPace.AsFastAsPossible : ReplayPace.Speed(parse.GetValue(speed) ?? 1),
            parse.GetValue(batchSize),
            new SiloApi(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IReadOnlyList<ReplayComment>? planned, string tenant, ReplayPace pace, int batchSize, SiloApi silo, CancellationToken cancellationToken)
    {
        using var api = silo;
        if (planned is not { } comments)
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
}
