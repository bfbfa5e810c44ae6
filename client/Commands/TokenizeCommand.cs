using System.CommandLine;
using System.Text;
using Orleans.Sentiment.Data;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Tokenization;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// <c>tokenize --model DIR --input FILE</c>: one JSON array of token ids per input record, special tokens included,
/// exactly as Hugging Face tokenizes; needs only the folder's tokenizer files, not an ONNX model.
/// </summary>
internal static class TokenizeCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder with tokenizer.json, vocab.txt or vocab.json + merges.txt", Required = true };
        var input = new Option<FileInfo>("--input") { Description = "Texts: .txt (one per line), .jsonl, .csv or .tsv", Required = true };
        var output = new Option<FileInfo?>("--output") { Description = "File for the ids (default: standard output)" };
        var maxLength = new Option<int?>("--max-length") { Description = "Truncate each text to N tokens, keeping the closing special token (default: no truncation)" };
        var textColumn = new Option<string>("--text-column") { Description = "Column (or JSON field) holding the text", DefaultValueFactory = _ => "text" };

        var command = new Command("tokenize", "Write the token ids of each input text as one JSON array per line, special tokens included.")
        {
            model, input, output, maxLength, textColumn,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            try
            {
                var tokenizer = TokenizerLoader.Load(parse.GetValue(model)!.FullName);
                var limit = parse.GetValue(maxLength);
                if (limit is < 2)
                {
                    throw new ArgumentException($"--max-length must be at least 2 (the special tokens need room); got {limit}.");
                }

                var rows = InputFileReader.Read(parse.GetValue(input)!.FullName, new InputFileOptions { TextColumn = parse.GetValue(textColumn)! });
                var outputFile = parse.GetValue(output);
                if (outputFile is null)
                {
                    await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
                    return Write(tokenizer, rows, limit, stdout, _ => { }, cancellation);
                }

                await using var writer = new StreamWriter(outputFile.FullName, false, new UTF8Encoding(false), 1 << 16);
                return await WithProgressAsync(parse.GetValue(input)!.FullName, report => Write(tokenizer, rows, limit, writer, report, cancellation));
            }
            catch (Exception e) when (e is ModelFolderException or InputFileException or ArgumentException or IOException)
            {
                await Console.Error.WriteLineAsync($"tokenize failed: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>Writes one line per record; a malformed record gets <c>[]</c> and a warning naming its line (never its text).</summary>
    private static int Write(ITextTokenizer tokenizer, IEnumerable<InputRow> rows, int? maxLength, TextWriter writer, Action<int> report, CancellationToken cancellation)
    {
        var malformed = 0;
        foreach (var row in rows)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!row.IsValid || row.Text is null)
            {
                malformed++;
                Console.Error.WriteLine($"line {row.Line}: {row.Error ?? "no text"}; wrote []");
                TokenIdsJson.WriteLine(writer, []);
            }
            else
            {
                TokenIdsJson.WriteLine(writer, tokenizer.Encode(row.Text, maxLength));
            }

            report(row.Line);
        }

        return malformed == 0 ? 0 : 1;
    }

    /// <summary>A progress bar on a terminal, plain lines when output is redirected.</summary>
    private static async Task<int> WithProgressAsync(string inputPath, Func<Action<int>, int> work)
    {
        var total = Math.Max(1, File.ReadLines(inputPath).LongCount());
        if (Console.IsOutputRedirected)
        {
            var step = Math.Max(1, total / 10);
            var result = work(line =>
            {
                if (line % step == 0)
                {
                    Console.WriteLine($"tokenize: {line}/{total} lines");
                }
            });
            Console.WriteLine($"tokenize: done ({total} lines)");
            return result;
        }

        return await AnsiConsole.Progress().StartAsync(context =>
        {
            var task = context.AddTask("tokenize", maxValue: total);
            return Task.FromResult(work(line => task.Value = line));
        });
    }
}
