using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Orleans.Sentiment.Client.Offline;
using Orleans.Sentiment.Data;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// <c>classify</c>: labels every text of a file with one or more model folders, offline (no cluster), and
/// writes one JSON line per input record in input order, with raw logits and token counts.
/// </summary>
internal static class ClassifyCommand
{
    private const int BatchesPerChunk = 8;

    public static Command Create()
    {
        var models = new Option<string[]>("--model")
        {
            Description = "Model folder, hub id org/name, or builtin:sentiment / builtin:category (repeat for several models; each is named after its folder, repository or built-in name).",
            Required = true,
        };
        var input = new Option<string>("--input") { Description = "Input file: .txt (one text per line), .jsonl, .csv or .tsv.", Required = true };
        var output = new Option<string>("--output") { Description = "Output .jsonl file.", Required = true };
        var textColumn = new Option<string>("--text-column") { Description = "CSV/TSV column or JSONL field holding the text.", DefaultValueFactory = _ => "text" };
        var idColumn = new Option<string>("--id-column") { Description = "CSV/TSV column or JSONL field holding an id to copy.", DefaultValueFactory = _ => "id" };
        var variant = new Option<string?>("--variant") { Description = "ONNX variant: omit for model.onnx, 'quantized' for model_quantized.onnx, V for model_V.onnx." };
        var batchSize = new Option<int>("--batch-size") { Description = "Texts per model call.", DefaultValueFactory = _ => 32 };
        var maxLength = new Option<int?>("--max-length") { Description = "Truncate texts to this many tokens (default: the model's maximum)." };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads (0: all cores).", DefaultValueFactory = _ => 0 };
        var command = new Command("classify", "Classify a file offline with one or more model folders; writes JSONL with labels, scores, logits and token counts.")
        {
            models, input, output, textColumn, idColumn, variant, batchSize, maxLength, threads,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new OnnxClassifierOptions
            {
                MaxSequenceLength = parse.GetValue(maxLength),
                Variant = parse.GetValue(variant),
                IntraOpThreads = parse.GetValue(threads),
            };
            var texts = parse.GetValue(batchSize);
            if (texts < 1)
            {
                Console.Error.WriteLine("--batch-size must be at least 1.");
                return 1;
            }

            var fileOptions = new InputFileOptions { TextColumn = parse.GetValue(textColumn)!, IdColumn = parse.GetValue(idColumn)! };
            try
            {
                using var classifiers = await ClassifierLoader.LoadAllAsync(parse.GetValue(models)!, options, cancellationToken);
                var summary = await RunAsync(classifiers, parse.GetValue(input)!, fileOptions, parse.GetValue(output)!, texts, cancellationToken);
                Console.Error.WriteLine(summary);
                return 0;
            }
            catch (Exception e) when (e is ModelFolderException or InputFileException or ArgumentException or IOException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    /// <summary>
    /// The reason a record was skipped, without any of its text: JSON parser messages quote the offending
    /// token, which may be part of a comment.
    /// </summary>
    private static string Describe(string? error) => error switch
    {
        null => "no text",
        _ when error.StartsWith("invalid JSON", StringComparison.Ordinal) => "invalid JSON",
        _ => error,
    };

    private static async Task<string> RunAsync(ClassifierSet classifiers, string inputPath, InputFileOptions fileOptions, string outputPath, int batchSize, CancellationToken cancellationToken)
    {
        var total = InputFileReader.Read(inputPath, fileOptions).LongCount();
        var classified = 0L;
        var bad = 0L;
        var watch = Stopwatch.StartNew();
        await using var file = new StreamWriter(outputPath);
        using var writer = new ClassifiedItemWriter(file);
        await Progress.RunAsync("classify", total, report => Task.Run(() =>
        {
            var done = 0L;
            foreach (var chunk in InputFileReader.Read(inputPath, fileOptions).Chunk(batchSize * BatchesPerChunk))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var valid = new List<InputRow>(chunk.Length);
                foreach (var row in chunk)
                {
                    if (row.IsValid && row.Text is not null)
                    {
                        valid.Add(row);
                        continue;
                    }

                    Console.Error.WriteLine($"{inputPath}:{row.Line}: skipped: {Describe(row.Error)}");
                    bad++;
                }

                var results = classifiers.Classify([.. valid.Select(r => r.Text!)], batchSize);
                for (var i = 0; i < valid.Count; i++)
                {
                    writer.Write(valid[i].Id, valid[i].Text!, results[i]);
                }

                classified += valid.Count;
                done += chunk.Length;
                report(done, null);
            }
        }, cancellationToken));
        var seconds = watch.Elapsed.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"Classified {classified} texts with {classifiers.Classifiers.Count} model(s) in {seconds:F1} s ({classified / Math.Max(seconds, 1e-9):F1} texts/s); skipped {bad} bad record(s). Output: {outputPath}");
    }
}
