using System.Buffers;
using System.IO.Pipelines;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>What one read of a request body holds: the unconsumed bytes, and whether the body has ended.</summary>
internal readonly record struct BodyChunk(ReadOnlySequence<byte> Buffer, bool IsCompleted);

/// <summary>
/// Reads a request body for an incremental parser: enforces the body size limit over every read and skips a
/// leading UTF-8 byte-order mark once. The caller parses each chunk, advances the pipe and adds what it consumed
/// to <see cref="Consumed"/>.
/// </summary>
internal sealed class BodyChunkReader(PipeReader body, long maxBodyBytes)
{
    private bool _atStart = true;

    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Bytes of the body consumed so far, the byte-order mark included.</summary>
    public long Consumed { get; set; }

    /// <returns>The next chunk, or null when the body is larger than the limit (answer 413).</returns>
    public async ValueTask<BodyChunk?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await BodyReading.ReadAsync(body, cancellationToken);
            if (read is null)
            {
                return null;
            }

            var buffer = read.Value.Buffer;
            if (Consumed + buffer.Length > maxBodyBytes)
            {
                body.AdvanceTo(buffer.End);
                return null;
            }

            if (_atStart)
            {
                if (buffer.Length < Bom.Length && !read.Value.IsCompleted)
                {
                    body.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                }

                _atStart = false;
                if (StartsWithBom(buffer))
                {
                    buffer = buffer.Slice(Bom.Length);
                    Consumed += Bom.Length;
                }
            }

            return new BodyChunk(buffer, read.Value.IsCompleted);
        }
    }

    private static bool StartsWithBom(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < Bom.Length)
        {
            return false;
        }

        Span<byte> first = stackalloc byte[3];
        buffer.Slice(0, 3).CopyTo(first);
        return first.SequenceEqual(Bom);
    }
}
