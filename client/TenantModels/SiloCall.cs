using Orleans.Sentiment.Client.Http;
using Orleans.Sentiment.HttpApi;
using Spectre.Console;

namespace Orleans.Sentiment.Client.TenantModels;

/// <summary>
/// Runs one verb's calls to a silo and turns the ways they fail into a message and an exit code: 1 when the silo
/// refused (its problem details shown, field by field), 2 when it could not be reached or did not answer.
/// </summary>
internal static class SiloCall
{
    public static async Task<int> RunAsync(Uri baseUrl, string? apiKey, Func<TenantModelApi, Task<int>> call, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        SiloApi.Authorize(http, apiKey);
        try
        {
            return await call(new TenantModelApi(http));
        }
        catch (SiloApiException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]The silo refused:[/] HTTP {e.Status}");
            AnsiConsole.WriteLine(e.Problem is { } problem ? Describe(problem) : e.Message);
            return 1;
        }
        catch (HttpRequestException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Cannot reach {baseUrl}:[/] {e.Message.TrimEnd('.')}. Is the silo running (see --url)?");
            return 2;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No answer from {baseUrl} within {http.Timeout.TotalSeconds:0} s.[/]");
            return 2;
        }
    }

    /// <summary>Problem details as plain lines: title, detail, the gate's figures, the jobs to cancel, each field's errors.</summary>
    public static string Describe(ApiProblem problem)
    {
        var lines = new List<string> { $"title: {problem.Title}" };
        if (problem.Detail is { } detail)
        {
            lines.Add($"detail: {detail}");
        }

        if (problem.Gate is { } gate)
        {
            lines.Add($"gate: {gate.CandidateVersion} held-out macro-F1 {gate.CandidateMacroF1:0.###} vs active {gate.ActiveVersion} {gate.ActiveMacroF1:0.###} (max regression {gate.MaxRegression:0.###}); --force activates it anyway");
        }

        if (problem.Jobs is { Count: > 0 } jobs)
        {
            lines.Add($"jobs: {string.Join(", ", jobs)}; cancel each with 'jobs cancel ID --tenant T', then delete again");
        }

        lines.AddRange((problem.Errors ?? new Dictionary<string, string[]>()).Select(e => $"  {e.Key}: {string.Join("; ", e.Value)}"));
        return string.Join(Environment.NewLine, lines);
    }
}
