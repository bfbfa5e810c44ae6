using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>
/// The small JSON request bodies (an alert policy, a correction), deserialized whole with <see cref="ApiJson.Options"/>;
/// large ones (comments, texts) stream through their own parsers instead.
/// </summary>
internal static class JsonBody
{
    /// <summary>
    /// Reads a small JSON request body (an alert policy, a correction): <c>application/json</c> only (else 415), at
    /// most <c>Ingestion:MaxRequestBytes</c> (else 413), valid UTF-8 throughout (else 400); a malformed one yields a
    /// 400 naming where it broke instead of a value.
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        if (BodyMediaType.Of(request) != BodyMediaType.Kind.Json)
        {
            return (default, Problems.UnsupportedMediaType("This route reads application/json (UTF-8)."));
        }

        var maxBytes = request.HttpContext.RequestServices.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxRequestBytes;
        var (bytes, tooLarge) = await ReadBoundedAsync(request, maxBytes, cancellationToken);
        if (tooLarge)
        {
            return (default, Problems.TooLarge(request.HttpContext, maxBytes));
        }

        try
        {
            return Deserialize<T>(bytes.IsSingleSegment ? bytes.FirstSpan : bytes.ToArray());
        }
        finally
        {
            request.BodyReader.AdvanceTo(bytes.End);
        }
    }

    private static (T? Value, IResult? Problem) Deserialize<T>(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }

        if (!Utf8.IsValid(body))
        {
            return (default, Problems.Invalid("body", "is not valid UTF-8"));
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(body, ApiJson.Options), null);
        }
        catch (JsonException e)
        {
            return (default, Problems.Invalid(Describe(e), $"malformed JSON: {e.Message}"));
        }
        catch (InvalidOperationException)
        {
            return (default, Problems.Invalid("body", JsonStrings.InvalidText));
        }
    }

    /// <summary>Names the JSON location of a deserialization error, for the problem details.</summary>
    private static string Describe(JsonException e) =>
        string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$').TrimStart('.');

    // Buffers the whole body in the request's pipe (not a string), refusing it once it passes the limit.
    private static async Task<(ReadOnlySequence<byte> Bytes, bool TooLarge)> ReadBoundedAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var read = await BodyReading.ReadAsync(reader, cancellationToken);
            if (read is null)
            {
                return (ReadOnlySequence<byte>.Empty, true);
            }

            if (read.Value.Buffer.Length > maxBytes)
            {
                reader.AdvanceTo(read.Value.Buffer.End);
                return (ReadOnlySequence<byte>.Empty, true);
            }

            if (read.Value.IsCompleted)
            {
                return (read.Value.Buffer, false);
            }

            reader.AdvanceTo(read.Value.Buffer.Start, read.Value.Buffer.End);
        }
    }
}
