using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Orleans.Sentiment.Data.Preparation;

/// <summary>Writes cleaned rows as CSV, TSV or JSONL under the input's column names, readable by <see cref="InputFileReader"/>.</summary>
public static class LabelledFileWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Extension(InputFormat format) => format switch
    {
        InputFormat.Csv => ".csv",
        InputFormat.Tsv => ".tsv",
        InputFormat.JsonLines => ".jsonl",
        _ => throw new ArgumentException($"Cannot write labelled rows as {format}; use CSV, TSV or JSONL."),
    };

    public static void Write(string path, IReadOnlyList<LabelledRow> rows, InputFormat format, string textColumn, string labelColumn, string idColumn = "id")
    {
        var withIds = rows.Any(r => r.Id is not null);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        switch (format)
        {
            case InputFormat.JsonLines:
                WriteJsonLines(writer, rows, withIds, textColumn, labelColumn, idColumn);
                break;
            case InputFormat.Tsv:
                WriteTsv(writer, rows, withIds, textColumn, labelColumn, idColumn);
                break;
            default:
                WriteCsv(writer, rows, withIds, textColumn, labelColumn, idColumn);
                break;
        }
    }

    private static void WriteCsv(StreamWriter writer, IReadOnlyList<LabelledRow> rows, bool withIds, string textColumn, string labelColumn, string idColumn)
    {
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (var field in Header(withIds, textColumn, labelColumn, idColumn))
        {
            csv.WriteField(field);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            if (withIds)
            {
                csv.WriteField(row.Id ?? string.Empty);
            }

            csv.WriteField(row.Text);
            csv.WriteField(row.Label);
            csv.NextRecord();
        }
    }

    // TSV files here are unquoted (SST-2 style), so a tab or line break inside a field would split the record.
    private static void WriteTsv(StreamWriter writer, IReadOnlyList<LabelledRow> rows, bool withIds, string textColumn, string labelColumn, string idColumn)
    {
        writer.WriteLine(string.Join('\t', Header(withIds, textColumn, labelColumn, idColumn)));
        foreach (var row in rows)
        {
            var fields = withIds ? new[] { row.Id ?? string.Empty, row.Text, row.Label } : [row.Text, row.Label];
            writer.WriteLine(string.Join('\t', fields.Select(FlattenForTsv)));
        }
    }

    private static string FlattenForTsv(string field) =>
        field.Contains('\t') || field.Contains('\n') || field.Contains('\r')
            ? string.Join(' ', field.Split(['\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            : field;

    private static void WriteJsonLines(StreamWriter writer, IReadOnlyList<LabelledRow> rows, bool withIds, string textColumn, string labelColumn, string idColumn)
    {
        var buffer = new MemoryStream();
        foreach (var row in rows)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer, JsonOptions))
            {
                json.WriteStartObject();
                if (withIds && row.Id is not null)
                {
                    json.WriteString(idColumn, row.Id);
                }

                json.WriteString(textColumn, row.Text);
                json.WriteString(labelColumn, row.Label);
                json.WriteEndObject();
            }

            writer.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
    }

    private static string[] Header(bool withIds, string textColumn, string labelColumn, string idColumn) =>
        withIds ? [idColumn, textColumn, labelColumn] : [textColumn, labelColumn];
}
