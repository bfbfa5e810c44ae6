using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Orleans.Sentiment.Client.Http;
using Orleans.Sentiment.HttpApi;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary><c>stats</c>: shows a source's current window.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "Tenant id.", Required = true };
        var source = new Option<string>("--source") { Description = "Source id.", Required = true };
        var url = SiloUrlOption.Create();
        var apiKey = ApiKeyOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the window as JSON." };
        var watch = new Option<bool>("--watch") { Description = "Refresh the window every --interval with a sparkline of the negative ratio until Ctrl-C." };
        var interval = StatsInterval.Create();
        var command = new Command("stats", "Show a source's rolling window: counts per label, negative share, alerting.") { tenant, source, url, apiKey, json, watch, interval };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var api = new SiloApi(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey));
            if (parse.GetValue(watch))
            {
                return await StatsWatch.RunAsync(api, parse.GetValue(tenant)!, parse.GetValue(source)!, parse.GetValue(interval), cancellationToken);
            }

            try
            {
                var window = await api.GetWindowAsync(parse.GetValue(tenant)!, parse.GetValue(source)!, cancellationToken);
                if (parse.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(window, HttpApiJson.Options));
                    return 0;
                }

                // Every model's labels, tenant models ("tenant:model") included; the window's own labels when no model mix is reported.
                var table = new Table().AddColumns("model", "label", "comments");
                var byModel = window.ModelLabelCounts.Count > 0 ? window.ModelLabelCounts : new Dictionary<string, IReadOnlyDictionary<string, int>> { ["window"] = window.LabelCounts };
                foreach (var (model, labels) in byModel)
                {
                    foreach (var (label, count) in labels)
                    {
                        table.AddRow(Markup.Escape(model), Markup.Escape(label), count.ToString(CultureInfo.InvariantCulture));
                    }
                }

                AnsiConsole.Write(table);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{window.NegativeCount}/{window.Count} negative ({window.NegativeRatio:P1}); alerting: {(window.Alerting ? "true" : "false")}"));
                return 0;
            }
            catch (Exception e) when (e is SiloApiException or HttpRequestException)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }
}
