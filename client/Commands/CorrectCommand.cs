using System.CommandLine;
using Orleans.Sentiment.Client.Http;
using Orleans.Sentiment.Data.Corrections;
using Orleans.Sentiment.HttpApi;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary><c>correct</c>: send one human-corrected label to the silo's corrections route.</summary>
internal static class CorrectCommand
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "Tenant whose corrections store gets the row", Required = true };
        var text = new Option<string?>("--text") { Description = "The comment text being corrected" };
        var id = new Option<string?>("--id") { Description = "Id of an ingested comment being corrected (instead of --text)" };
        var label = new Option<string>("--label") { Description = "The correct label", Required = true };
        var url = SiloUrlOption.Create();
        var apiKey = ApiKeyOption.Create();

        var command = new Command("correct", "Record a corrected label for one comment (by --text or --id); the next 'train --corrections' run uses it.")
        {
            tenant, text, id, label, url, apiKey,
        };
        command.Validators.Add(result =>
        {
            var hasText = !string.IsNullOrWhiteSpace(result.GetValue(text));
            var hasId = !string.IsNullOrWhiteSpace(result.GetValue(id));
            if (hasText == hasId)
            {
                result.AddError("Give exactly one of --text or --id.");
            }

            if (!TenantName.IsValid(result.GetValue(tenant)))
            {
                result.AddError("--tenant: use 1 to 64 letters, digits, '.', '_' or '-'.");
            }

            if (string.IsNullOrWhiteSpace(result.GetValue(label)))
            {
                result.AddError("--label must not be blank.");
            }
        });
        command.SetAction((parse, cancellationToken) => SendAsync(
            parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), parse.GetValue(tenant)!, parse.GetValue(text), parse.GetValue(id), parse.GetValue(label)!, cancellationToken));
        return command;
    }

    private static async Task<int> SendAsync(Uri baseUrl, string? apiKey, string tenant, string? text, string? id, string label, CancellationToken cancellationToken)
    {
        var correction = string.IsNullOrWhiteSpace(text)
            ? new CorrectionRequest(id!.Trim(), null, label.Trim(), null)
            : new CorrectionRequest(null, text.Trim(), label.Trim(), null);
        using var api = new SiloApi(baseUrl, apiKey, timeout: TimeSpan.FromSeconds(30));
        try
        {
            await api.PostCorrectionAsync(tenant, correction, cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"Correction recorded for tenant '{tenant}' as '{label.Trim()}' (HTTP 202).");
            return 0;
        }
        catch (SiloApiException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]The server refused the correction:[/] HTTP {e.Status}");
            AnsiConsole.WriteLine(e.Problem is { } problem ? ProblemText(problem) ?? e.Message : e.Message);
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

    /// <summary>Problem details (title, detail, field errors) as plain lines; null when they hold none of these.</summary>
    private static string? ProblemText(ApiProblem problem)
    {
        var lines = new List<string>();
        if (problem.Title is { } title)
        {
            lines.Add($"title: {title}");
        }

        if (problem.Detail is { } detail)
        {
            lines.Add($"detail: {detail}");
        }

        lines.AddRange((problem.Errors ?? new Dictionary<string, string[]>()).Select(e => $"  {e.Key}: {string.Join("; ", e.Value)}"));
        return lines.Count > 0 ? string.Join(Environment.NewLine, lines) : null;
    }
}
