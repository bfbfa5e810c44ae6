using System.CommandLine;
using Orleans.Sentiment.Client.TenantModels;
using Orleans.Sentiment.Data;
using Orleans.Sentiment.HttpApi;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary><c>models examples</c>: add a file of labelled examples to a tenant model, list, export and delete them.</summary>
internal static class ModelExamplesCommand
{
    /// <summary>Examples per request: the silo's default Ingestion:MaxBatchSize.</summary>
    private const int BatchSize = 1000;

    public static Command Create()
    {
        var command = new Command("examples", "A tenant model's labelled examples (corrections naming the model join them).");
        command.Subcommands.Add(AddVerb());
        command.Subcommands.Add(ListVerb());
        command.Subcommands.Add(ExportVerb());
        command.Subcommands.Add(DeleteVerb());
        return command;
    }

    private static Command AddVerb()
    {
        var (name, tenant, url, apiKey) = ModelsCommand.Common();
        var file = new Argument<FileInfo>("file") { Description = "Labelled examples: .csv/.tsv with a header, or .jsonl; several labels of one text joined by '|'." };
        var textColumn = new Option<string>("--text-column") { Description = "Column (or JSON field) of the text.", DefaultValueFactory = _ => "text" };
        var labelColumn = new Option<string>("--label-column") { Description = "Column (or JSON field) of the label.", DefaultValueFactory = _ => "label" };
        var command = new Command("add", "Add the examples of a file: in batches, each all-or-nothing; a refused batch stops with its reasons.") { name, file, tenant, textColumn, labelColumn, url, apiKey };
        ModelsCommand.AddTenantCheck(command, tenant);
        command.SetAction((parse, ct) =>
        {
            var options = new InputFileOptions { TextColumn = parse.GetValue(textColumn)!, LabelColumn = parse.GetValue(labelColumn)! };
            List<InputRow> rows;
            try
            {
                rows = [.. InputFileReader.Read(parse.GetValue(file)!.FullName, options)];
            }
            catch (InputFileException e)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return Task.FromResult(1);
            }

            if (rows.FirstOrDefault(r => !r.IsValid) is { } bad)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]line {bad.Line}: {bad.Error}[/] ({rows.Count(r => !r.IsValid)} bad rows; nothing sent)");
                return Task.FromResult(1);
            }

            return SiloCall.RunAsync(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), async api =>
            {
                var total = 0;
                foreach (var batch in rows.Chunk(BatchSize))
                {
                    total = (await api.AddExamplesAsync(parse.GetValue(tenant)!, parse.GetValue(name)!, [.. batch.Select(r => new ExampleRequest(r.Text, r.Label))], ct)).Total;
                }

                AnsiConsole.MarkupLineInterpolated($"Added {rows.Count} examples; the model holds {total}.");
                return 0;
            }, ct);
        });
        return command;
    }

    private static Command ListVerb()
    {
        var (name, tenant, url, apiKey) = ModelsCommand.Common();
        var offset = new Option<int>("--offset") { Description = "Skip this many, oldest first.", DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit") { Description = "How many (1..1000).", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "Examples, oldest first, with their ids.") { name, tenant, offset, limit, url, apiKey };
        ModelsCommand.AddTenantCheck(command, tenant);
        command.SetAction((parse, ct) => SiloCall.RunAsync(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), async api =>
        {
            var page = await api.ListExamplesAsync(parse.GetValue(tenant)!, parse.GetValue(name)!, parse.GetValue(offset), parse.GetValue(limit), ct);
            var table = new Table().AddColumns("id", "labels", "correction", "text");
            foreach (var e in page.Examples)
            {
                table.AddRow(Markup.Escape(e.Id), Markup.Escape(string.Join("|", e.Labels)), e.Correction ? "yes" : "", Markup.Escape(e.Text.Length > 80 ? e.Text[..80] + "…" : e.Text));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"{page.Examples.Count} of {page.Total}.");
            return 0;
        }, ct));
        return command;
    }

    private static Command ExportVerb()
    {
        var (name, tenant, url, apiKey) = ModelsCommand.Common();
        var format = new Option<string>("--format") { Description = "ndjson (the rows train --corrections reads) or csv (text,label: train --data).", DefaultValueFactory = _ => "ndjson" };
        format.AcceptOnlyFromAmong("ndjson", "csv");
        var output = new Option<FileInfo?>("--out") { Description = "File to write; standard output when absent." };
        var command = new Command("export", "Every example, for client train (--corrections or --data).") { name, tenant, format, output, url, apiKey };
        ModelsCommand.AddTenantCheck(command, tenant);
        command.SetAction((parse, ct) => SiloCall.RunAsync(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), async api =>
        {
            var text = await api.ExportAsync(parse.GetValue(tenant)!, parse.GetValue(name)!, parse.GetValue(format)!, ct);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, text, ct);
                AnsiConsole.MarkupLineInterpolated($"Wrote {file.FullName}.");
            }
            else
            {
                Console.Out.Write(text);
            }

            return 0;
        }, ct));
        return command;
    }

    private static Command DeleteVerb()
    {
        var (name, tenant, url, apiKey) = ModelsCommand.Common();
        var id = new Option<string?>("--id") { Description = "Delete this example only." };
        var all = new Option<bool>("--all") { Description = "Delete every example of the model." };
        var command = new Command("delete", "Delete one example (--id) or all of them (--all).") { name, tenant, id, all, url, apiKey };
        ModelsCommand.AddTenantCheck(command, tenant);
        command.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValue(id)) == !result.GetValue(all))
            {
                result.AddError("Give exactly one of --id or --all.");
            }
        });
        command.SetAction((parse, ct) => SiloCall.RunAsync(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), async api =>
        {
            if (parse.GetValue(id) is { Length: > 0 } one)
            {
                await api.DeleteExampleAsync(parse.GetValue(tenant)!, parse.GetValue(name)!, one, ct);
                AnsiConsole.MarkupLineInterpolated($"Deleted {one}.");
            }
            else
            {
                var deleted = await api.DeleteExamplesAsync(parse.GetValue(tenant)!, parse.GetValue(name)!, ct);
                AnsiConsole.MarkupLineInterpolated($"Deleted {deleted.Deleted} examples.");
            }

            return 0;
        }, ct));
        return command;
    }
}
