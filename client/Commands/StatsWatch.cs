using System.Globalization;
using Orleans.Sentiment.Client.Http;
using Orleans.Sentiment.HttpApi;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// <c>stats --watch</c>: reads a source's window every interval and shows it with a sparkline of the negative ratio;
/// a live display on a terminal, one plain line per refresh when output is redirected. Ctrl-C ends it (exit 0).
/// </summary>
internal static class StatsWatch
{
    public static async Task<int> RunAsync(SiloApi api, string tenant, string source, TimeSpan interval, CancellationToken cancellationToken)
    {
        var sparkline = new StatsSparkline();
        try
        {
            if (Console.IsOutputRedirected)
            {
                await LoopAsync(api, tenant, source, interval, (window, error) =>
                {
                    Console.WriteLine(error is null ? PlainLine(window!, sparkline) : $"{Now()}  {error}");
                }, sparkline, cancellationToken);
            }
            else
            {
                await AnsiConsole.Live(new Text($"Reading {tenant}/{source}…")).AutoClear(false).StartAsync(async live =>
                    await LoopAsync(api, tenant, source, interval, (window, error) =>
                    {
                        live.UpdateTarget(Render(tenant, source, interval, window, error, sparkline));
                        live.Refresh();
                    }, sparkline, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: the watch is over, which is what was asked for.
        }
        catch (SiloApiException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }

        return 0;
    }

    private static async Task LoopAsync(SiloApi api, string tenant, string source, TimeSpan interval, Action<WindowDto?, string?> show,
        StatsSparkline sparkline, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                var window = await api.GetWindowAsync(tenant, source, cancellationToken);
                sparkline.Add(window.NegativeRatio);
                show(window, null);
            }
            catch (SiloApiException e) when (e.Status is 429 or >= 500)
            {
                show(null, e.Message + " (retrying)");
            }
            catch (HttpRequestException e)
            {
                show(null, $"cannot reach the silo: {e.Message} (retrying)");
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private static string PlainLine(WindowDto window, StatsSparkline sparkline) => string.Create(CultureInfo.InvariantCulture,
        $"{Now()}  {window.NegativeCount}/{window.Count} negative ({window.NegativeRatio * 100:F1}%)  alerting: {(window.Alerting ? "true" : "false")}  {sparkline}");

    private static IRenderable Render(string tenant, string source, TimeSpan interval, WindowDto? window, string? error, StatsSparkline sparkline)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow(new Markup("[bold]Source[/]"), new Text($"{tenant}/{source}"));
        if (window is not null)
        {
            grid.AddRow(new Markup("[bold]Window[/]"), new Text(DescribeWindow(window)));
            grid.AddRow(new Markup("[bold]Negative[/]"), new Text(string.Create(CultureInfo.InvariantCulture,
                $"{window.NegativeCount}/{window.Count} ({window.NegativeRatio * 100:F1}%)")));
            grid.AddRow(new Markup("[bold]Alerting[/]"), window.Alerting ? new Markup("[red bold]yes[/]") : new Markup("[green]no[/]"));
            var labels = window.LabelCounts
                .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key} {l.Value}"))
                .DefaultIfEmpty("none");
            grid.AddRow(new Markup("[bold]Labels[/]"), new Text(string.Join(", ", labels)));
        }

        grid.AddRow(new Markup("[bold]Negative ratio[/]"), new Text(sparkline.ToString(), new Style(Color.Orange1)));
        grid.AddRow(new Markup("[bold]Updated[/]"), new Text($"{Now()} (every {interval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; Ctrl-C to stop)"));
        if (error is not null)
        {
            grid.AddRow(new Markup("[bold red]Error[/]"), new Text(error));
        }

        return new Panel(grid).Header("stats --watch").Border(BoxBorder.Rounded);
    }

    private static string DescribeWindow(WindowDto window)
    {
        var size = string.Create(CultureInfo.InvariantCulture, $"last {window.WindowSize} comments");
        return window.WindowDuration is { } duration ? $"{size} within {duration}" : size;
    }

    private static string Now() => DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
