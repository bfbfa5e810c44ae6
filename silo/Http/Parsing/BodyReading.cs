using System.IO.Pipelines;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>Reads from a request body, turning Kestrel's "body too large" into a value instead of an exception.</summary>
internal static class BodyReading
{
    /// <returns>The read, or null when the server's body size limit (Ingestion:MaxRequestBytes) was exceeded.</returns>
    public static async ValueTask<ReadResult?> ReadAsync(PipeReader body, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }
}
