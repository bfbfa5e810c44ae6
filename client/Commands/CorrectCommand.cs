using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Data.Corrections;
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
        var body = new JsonObject { ["label"] = label.Trim() };
        if (string.IsNullOrWhiteSpace(text))
        {
            body["id"] = id!.Trim();
        }
        else
        {
            body["text"] = text.Trim();
        }

        var route = new Uri(baseUrl, $"/v1/tenants/{Uri.EscapeDataString(tenant)}/corrections");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Http.SiloApi.Authorize(http, apiKey);
        try
        {
            // Buffered (not chunked) so the request carries a Content-Length, which every proxy accepts.
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(route, content, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                AnsiConsole.MarkupLineInterpolated($"Correction recorded for tenant '{tenant}' as '{label.Trim()}' (HTTP {(int)response.StatusCode}).");
                return 0;
            }

            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"[red]The server refused the correction:[/] HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            AnsiConsole.WriteLine(ProblemText(problem));
            return 1;
        }
        catch (HttpRequestException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Cannot reach {route}:[/] {e.Message.TrimEnd('.')}. Is the silo running (see --url)?");
            return 2;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No answer from {route} within {http.Timeout.TotalSeconds:0} s.[/]");
            return 2;
        }
    }

    /// <summary>Problem details (title, detail, field errors) as plain lines; any other body as it came.</summary>
    private static string ProblemText(string content)
    {
        try
        {
            if (JsonNode.Parse(content) is not JsonObject problem)
            {
                return content;
            }

            var lines = new List<string>();
            foreach (var key in new[] { "title", "detail" })
            {
                if (problem[key] is JsonValue value)
                {
                    lines.Add($"{key}: {value}");
                }
            }

            if (problem["errors"] is JsonObject errors)
            {
                lines.AddRange(errors.Select(e => $"  {e.Key}: {string.Join("; ", e.Value is JsonArray messages ? messages.Select(m => m?.ToString()) : [e.Value?.ToString()])}"));
            }

            return lines.Count > 0 ? string.Join(Environment.NewLine, lines) : content;
        }
        catch (JsonException)
        {
            return content;
        }
    }
}
