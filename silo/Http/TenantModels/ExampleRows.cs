using System.Text;
using System.Text.Json;
using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Data;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.TenantModels;

/// <summary>
/// Reads a body of labelled examples: a JSON array of <c>{ "text", "label" }</c>, NDJSON of the same, or CSV with
/// <c>text</c> and <c>label</c> columns (the format <c>client train</c> reads), by the ingestion route's limits
/// (<c>Ingestion:MaxRequestBytes</c>, <c>MaxBatchSize</c>, <c>MaxTextLength</c>). JSONL and CSV go through the same
/// reader as the CLI's files. All of it is valid, or nothing is added: each bad row is named ([3].label, line 7: text).
/// </summary>
internal static class ExampleRows
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The rows of the body as sent, or the problem with its syntax, media type or size: checked before the model is looked up.</summary>
    public sealed record Parsed(IReadOnlyList<Row> Rows, IResult? Problem);

    public static async Task<Parsed> ReadAsync(HttpRequest request, IngestionOptions limits, CancellationToken cancellationToken)
    {
        var kind = BodyMediaType.Of(request);
        if (kind is not (BodyMediaType.Kind.Json or BodyMediaType.Kind.NdJson or BodyMediaType.Kind.Csv))
        {
            return new([], Problems.UnsupportedMediaType("This route reads application/json, application/x-ndjson or text/csv (UTF-8)."));
        }

        var (body, tooLarge) = await ReadBodyAsync(request, limits.MaxRequestBytes, cancellationToken);
        if (tooLarge)
        {
            return new([], Problems.TooLarge(request.HttpContext, limits.MaxRequestBytes));
        }

        if (body is null)
        {
            return new([], Problems.Invalid(ErrorList.BodyField, "is not valid UTF-8"));
        }

        var errors = new ErrorList();
        var rows = kind == BodyMediaType.Kind.Json ? JsonArrayRows(body, errors) : FileRows(body, kind, errors);
        if (rows.Count > limits.MaxBatchSize)
        {
            return new([], Problems.Invalid(ErrorList.BodyField, $"holds {rows.Count} examples; at most {limits.MaxBatchSize} are allowed per request (Ingestion:MaxBatchSize)"));
        }

        if (rows.Count == 0 && !errors.Any)
        {
            errors.Add(ErrorList.BodyField, "holds no examples");
        }

        return errors.Any ? new([], Problems.Invalid(errors)) : new(rows, null);
    }

    /// <summary>The rows as examples of <paramref name="model"/>, or a 400 naming each bad one.</summary>
    public static (IReadOnlyList<NewExample> Examples, IResult? Problem) Check(IReadOnlyList<Row> rows, TenantModelDefinition model, IngestionOptions limits)
    {
        var errors = new ErrorList();
        var examples = new List<NewExample>(rows.Count);
        foreach (var row in rows)
        {
            if (Check(row, model, limits, errors) is { } example)
            {
                examples.Add(example);
            }
        }

        return errors.Any ? ([], Problems.Invalid(errors)) : (examples, null);
    }

    /// <summary>Checks one example against the model's labels and the text limits; null (with the errors named) when it is bad.</summary>
    public static NewExample? Check(Row row, TenantModelDefinition model, IngestionOptions limits, ErrorList errors, bool isCorrection = false)
    {
        var ok = true;
        var text = row.Text?.Trim();
        if (string.IsNullOrEmpty(text) || TextContent.IsBlank(text))
        {
            errors.Add(row.Path.Of("text"), "is required and must say something");
            ok = false;
        }
        else if (text.Length > limits.MaxTextLength)
        {
            errors.Add(row.Path.Of("text"), $"is {text.Length} characters long; at most {limits.MaxTextLength} are allowed (Ingestion:MaxTextLength)");
            ok = false;
        }

        var labels = new List<string>();
        foreach (var given in row.Labels.Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (model.FindLabel(given) is { } known)
            {
                labels.Add(known);
            }
            else
            {
                errors.Add(row.Path.Of("label"), $"'{Clip(given)}' is not a label of this model ({string.Join(", ", model.Labels)})");
                ok = false;
            }
        }

        if (ok && labels.Count == 0)
        {
            errors.Add(row.Path.Of("label"), "is required");
            ok = false;
        }
        else if (ok && labels.Count > 1 && !model.MultiLabel)
        {
            errors.Add(row.Path.Of("label"), "names several labels, but the model is single-label");
            ok = false;
        }

        return ok ? new NewExample(text!, [.. labels.Distinct(StringComparer.Ordinal)], isCorrection) : null;
    }

    /// <summary>One example as read, with where it was (for error names).</summary>
    public sealed record Row(FieldPath Path, string? Text, IReadOnlyList<string> Labels);

    private static List<Row> JsonArrayRows(string body, ErrorList errors)
    {
        var rows = new List<Row>();
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(ErrorList.BodyField, "must be a JSON array of { \"text\", \"label\" } objects");
                return rows;
            }

            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var path = FieldPath.ArrayElement(index++);
                if (element.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(path.Of(null), "must be an object with \"text\" and \"label\"");
                    continue;
                }

                rows.Add(new Row(path, StringOf(element, "text"), LabelsOf(element)));
            }
        }
        catch (JsonException e)
        {
            errors.Add(ErrorList.BodyField, $"is not valid JSON: {e.Message}");
        }

        return rows;
    }

    private static List<Row> FileRows(string body, BodyMediaType.Kind kind, ErrorList errors)
    {
        var rows = new List<Row>();
        var options = new InputFileOptions { LabelColumn = "label" };
        try
        {
            foreach (var row in InputFileReader.Read(body, kind == BodyMediaType.Kind.Csv ? InputFormat.Csv : InputFormat.JsonLines, options, "body"))
            {
                var path = FieldPath.Line(row.Line);
                if (!row.IsValid)
                {
                    errors.Add(path.Of(null), row.Error!);
                    continue;
                }

                rows.Add(new Row(path, row.Text, row.Label?.Split(TenantModelDefinition.LabelSeparator) ?? []));
            }
        }
        catch (InputFileException e)
        {
            errors.Add(ErrorList.BodyField, e.Message);
        }

        return rows;
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] LabelsOf(JsonElement element) =>
        !element.TryGetProperty("label", out var value) ? []
        : value.ValueKind == JsonValueKind.String ? value.GetString()!.Split(TenantModelDefinition.LabelSeparator)
        : value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
        : [];

    /// <summary>The body as text; null text when it is not valid UTF-8.</summary>
    private static async Task<(string? Text, bool TooLarge)> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, true);
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        try
        {
            return (StrictUtf8.GetString(bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes), false);
        }
        catch (DecoderFallbackException)
        {
            return (null, false);
        }
    }

    private static string Clip(string label) => label.Length > 40 ? label[..40] + "…" : label;
}
