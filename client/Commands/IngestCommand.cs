using System.CommandLine;
using Orleans.Sentiment.Client.Http;
using Orleans.Sentiment.Data;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Client.Commands;

/// <summary><c>ingest</c>: sends a file of comments to a running silo, in batches.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("file") { Description = "Comments: .csv/.tsv (header row), .jsonl (\"text\" field) or .txt (one per line)." };
        var tenant = new Option<string>("--tenant") { Description = "Tenant id.", Required = true };
        var source = new Option<string>("--source") { Description = "Source id, e.g. app-store.", Required = true };
        var url = SiloUrlOption.Create();
        var apiKey = ApiKeyOption.Create();
        var textColumn = new Option<string>("--text-column") { Description = "CSV/TSV column or JSONL field with the text.", DefaultValueFactory = _ => "text" };
        var batchSize = new Option<int>("--batch-size") { Description = "Comments per request (at most the silo's Ingestion:MaxBatchSize).", DefaultValueFactory = _ => 500 };
        batchSize.Validators.Add(r => { if (r.GetValue(batchSize) < 1) { r.AddError("--batch-size must be at least 1."); } });

        var command = new Command("ingest", "Send comments from a file to a running silo.") { input, tenant, source, url, apiKey, textColumn, batchSize };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(input)!, parse.GetValue(tenant)!, parse.GetValue(source)!, new SiloApi(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey)),
            parse.GetValue(textColumn)!, parse.GetValue(batchSize), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, string tenant, string source, SiloApi silo, string textColumn, int batchSize, CancellationToken cancellationToken)
    {
        using var api = silo;
        List<InputRow> rows;
        try
        {
            rows = InputFileReader.Read(file.FullName, new InputFileOptions { TextColumn = textColumn }).ToList();
        }
        catch (InputFileException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        var bad = rows.Where(r => !r.IsValid || string.IsNullOrWhiteSpace(r.Text)).ToList();
        foreach (var row in bad)
        {
            await Console.Error.WriteLineAsync($"{file.Name}:{row.Line}: skipped: {row.Error ?? "empty text"}");
        }

        var good = rows.Except(bad).ToList();
        var accepted = 0;
        try
        {
            await Progress.RunAsync("Ingesting", good.Count, async report =>
            {
                foreach (var batch in good.Chunk(batchSize))
                {
                    var body = batch.Select(r => new IncomingComment(r.Id is { Length: > 0 } ? r.Id : null, r.Text, null)).ToArray();
                    // One key per batch, reused by every retry of it: the silo answers a repeat without counting it twice.
                    var answer = await api.PostCommentsAsync(tenant, source, body, Guid.NewGuid().ToString("N"), cancellationToken);
                    accepted += answer.Accepted;
                    report(accepted, null);
                }
            });
        }
        catch (Exception e) when (e is SiloApiException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"Ingestion stopped after {accepted} comments: {e.Message}");
            return 1;
        }

        Console.WriteLine($"Accepted {accepted} comments for {tenant}/{source}; {bad.Count} bad rows skipped.");
        return bad.Count == 0 ? 0 : 3;
    }
}
