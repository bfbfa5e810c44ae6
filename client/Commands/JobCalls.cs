using Orleans.Sentiment.Client.Http;
using Orleans.Sentiment.HttpApi;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>Runs a job verb against the silo, turning refusals and an unreachable silo into a message and an exit code.</summary>
internal static class JobCalls
{
    /// <returns>The verb's code; 1 when the silo refused the call, 2 when it could not be reached.</returns>
    public static async Task<int> RunAsync(Uri baseUrl, string? apiKey, Func<SiloApi, Task<int>> call, CancellationToken cancellationToken)
    {
        using var api = new SiloApi(baseUrl, apiKey, timeout: TimeSpan.FromSeconds(30));
        try
        {
            return await call(api);
        }
        catch (SiloApiException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]The server refused:[/] HTTP {e.Status}");
            AnsiConsole.WriteLine(e.Problem is { } problem ? $"{problem.Title} {problem.Detail} {string.Join("; ", (problem.Errors ?? new Dictionary<string, string[]>()).Select(x => $"{x.Key}: {string.Join(", ", x.Value)}"))}".Trim() : e.Message);
            return 1;
        }
        catch (HttpRequestException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Cannot reach {baseUrl}:[/] {e.Message.TrimEnd('.')}. Is the silo running (see --url)?");
            return 2;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No answer from {baseUrl} within {api.Timeout.TotalSeconds:0} s.[/]");
            return 2;
        }
    }

    /// <summary>0 for a job that succeeded or is still going, 1 for one that failed or was cancelled.</summary>
    public static int ExitCode(TrainingJobDto job) => job.State is "failed" or "cancelled" ? 1 : 0;
}
