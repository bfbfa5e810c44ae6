using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Orleans.Sentiment.Data;

/// <summary>Streams the records of a .txt, .jsonl, .csv or .tsv feedback file, reporting malformed ones by line.</summary>
public static class InputFileReader
{
    public static InputFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" => InputFormat.Text,
        ".jsonl" or ".ndjson" => InputFormat.JsonLines,
        ".csv" => InputFormat.Csv,
        ".tsv" => InputFormat.Tsv,
        var other => throw new InputFileException($"{path}: unknown input type '{other}' (expected .txt, .jsonl, .csv or .tsv)."),
    };

    public static IEnumerable<InputRow> Read(string path, InputFileOptions? options = null)
    {
        options ??= new InputFileOptions();
        if (!File.Exists(path))
        {
            throw new InputFileException($"Input file '{path}' does not exist.");
        }

        return (options.Format ?? FormatOf(path)) switch
        {
            InputFormat.Text => ReadText(path),
            InputFormat.JsonLines => ReadJsonLines(File.ReadLines(path), options),
            InputFormat.Csv => ReadDelimited(() => new StreamReader(path), path, ",", options),
            _ => ReadDelimited(() => new StreamReader(path), path, "\t", options),
        };
    }

    /// <summary>
    /// The records of JSONL, CSV or TSV text already in memory (a request body), read by the same rules as a file's;
    /// <paramref name="name"/> stands for the path in messages.
    /// </summary>
    public static IEnumerable<InputRow> Read(string content, InputFormat format, InputFileOptions options, string name) => format switch
    {
        InputFormat.JsonLines => ReadJsonLines(Lines(content), options),
        InputFormat.Csv => ReadDelimited(() => new StringReader(content), name, ",", options),
        InputFormat.Tsv => ReadDelimited(() => new StringReader(content), name, "\t", options),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Text in memory is read as JSONL, CSV or TSV."),
    };

    private static IEnumerable<string> Lines(string content)
    {
        using var reader = new StringReader(content);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static IEnumerable<InputRow> ReadText(string path)
    {
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            yield return new InputRow(line, null, text, null);
        }
    }

    private static IEnumerable<InputRow> ReadJsonLines(IEnumerable<string> lines, InputFileOptions options)
    {
        var line = 0;
        foreach (var json in lines)
        {
            line++;
            if (string.IsNullOrWhiteSpace(json))
            {
                continue;
            }

            yield return ParseJsonLine(line, json, options);
        }
    }

    private static InputRow ParseJsonLine(int line, string json, InputFileOptions options)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new InputRow(line, null, null, null, "expected a JSON object");
            }

            var root = document.RootElement;
            if (!root.TryGetProperty(options.TextColumn, out var text) || text.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return new InputRow(line, null, null, null, text.ValueKind == JsonValueKind.Undefined
                    ? $"missing field '{options.TextColumn}'"
                    : $"field '{options.TextColumn}' is a {text.ValueKind.ToString().ToLowerInvariant()}, expected a string");
            }

            return new InputRow(line, ScalarText(root, options.IdColumn), text.GetString(), options.LabelColumn is null ? null : ScalarText(root, options.LabelColumn))
            {
                Fields = options.ExtraColumns.Count == 0 ? InputRow.NoFields : options.ExtraColumns.Distinct().ToDictionary(c => c, c => ScalarText(root, c)),
            };
        }
        catch (JsonException e)
        {
            return new InputRow(line, null, null, null, $"invalid JSON: {e.Message}");
        }
    }

    private static string? ScalarText(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                JsonValueKind.Array => string.Join('|', value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
                _ => null,
            }
            : null;

    private static IEnumerable<InputRow> ReadDelimited(Func<TextReader> open, string path, string delimiter, InputFileOptions options)
    {
        // Set by CsvHelper while it parses a record whose quoting is broken; such a record is reported, not repaired.
        var badQuoting = false;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            // SST-2 style TSV files are not quoted: a quote inside a sentence is just a character.
            Mode = delimiter == "\t" ? CsvMode.NoEscape : CsvMode.RFC4180,
            BadDataFound = _ => badQuoting = true,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            // Blank lines come through (and are skipped below) so every physical line is counted.
            IgnoreBlankLines = false,
        };
        using var reader = open();
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            throw new InputFileException($"{path}: empty file, expected a header row.");
        }

        var header = csv.HeaderRecord;
        var textIndex = IndexOf(header, options.TextColumn, path);
        var labelIndex = options.LabelColumn is null ? -1 : IndexOf(header, options.LabelColumn, path);
        var idIndex = Array.FindIndex(header, h => string.Equals(h, options.IdColumn, StringComparison.OrdinalIgnoreCase));
        var extraIndexes = options.ExtraColumns.Distinct().ToDictionary(c => c, c => IndexOf(header, c, path));
        badQuoting = false;
        var previousEnd = csv.Parser.RawRow;
        while (csv.Read())
        {
            // Fields are parsed lazily: reading them first is what lets BadDataFound fire for this record.
            var fields = csv.Parser.Record ?? [];
            var span = RecordSpan.After(previousEnd, csv.Parser.RawRecord);
            previousEnd = csv.Parser.RawRow;
            if (string.IsNullOrWhiteSpace(csv.Parser.RawRecord))
            {
                badQuoting = false;
                continue;
            }

            var error = badQuoting
                ? span.QuoteError()
                : fields.Length != header.Length ? $"expected {header.Length} fields, found {fields.Length}" : null;
            badQuoting = false;
            yield return error is null
                ? new InputRow(span.Start, idIndex >= 0 ? fields[idIndex] : null, fields[textIndex], labelIndex >= 0 ? fields[labelIndex] : null)
                {
                    Fields = extraIndexes.Count == 0 ? InputRow.NoFields : extraIndexes.ToDictionary(e => e.Key, e => (string?)fields[e.Value]),
                }
                : new InputRow(span.Start, null, null, null, error);
        }
    }

    private static int IndexOf(string[] header, string column, string path)
    {
        var index = Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? index
            : throw new InputFileException($"{path}: no column '{column}' (columns: {string.Join(", ", header)}).");
    }
}
