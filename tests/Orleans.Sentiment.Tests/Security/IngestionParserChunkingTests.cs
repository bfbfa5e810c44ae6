using System.IO.Pipelines;
using System.Text.Json;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Silo.Http.Parsing;

namespace Orleans.Sentiment.Tests.Security;

/// <summary>A body arrives in pieces of any size; where the pieces split must not change the answer.</summary>
public sealed class IngestionParserChunkingTests
{
    private static readonly IngestionOptions Limits = new();

    [Theory]
    [InlineData(1, 4_096)]
    [InlineData(2, 4_096)]
    [InlineData(3, 16_384)]
    [InlineData(4, 1_000)]
    [InlineData(5, 65_536)]
    public async Task ParseAsync_LongTextsInRandomPieces_ReadsEveryComment(int seed, int largestPiece)
    {
        foreach (var ndjson in new[] { false, true })
        {
            var result = await ParseInPiecesAsync(LongComments(ndjson), ndjson, seed, largestPiece);

            Assert.True(result.IsValid, $"ndjson={ndjson}: " + string.Join("; ", result.Errors.Entries.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
            Assert.Equal(120, result.Comments.Count);
            Assert.Equal(Enumerable.Range(0, 120).Select(i => $"big-{i}"), result.Comments.Select(c => c.Id));
        }
    }

    private static byte[] LongComments(bool ndjson)
    {
        var comments = Enumerable.Range(0, 120).Select(i => new { id = $"big-{i}", text = $"{i} " + new string('x', 9_980) + " refund" }).ToArray();
        return ndjson
            ? System.Text.Encoding.UTF8.GetBytes(string.Join("\n", comments.Select(c => JsonSerializer.Serialize(c))))
            : JsonSerializer.SerializeToUtf8Bytes(comments);
    }

    private static Task<IngestionParser.Result> ParseInPiecesAsync(byte[] body, bool ndjson, int seed, int largestPiece)
    {
        // A small pipe buffer makes the body span many segments, which the pipe recycles as they are consumed.
        var reader = PipeReader.Create(new PieceStream(body, new Random(seed), largestPiece), new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024));
        return IngestionParser.ParseAsync(reader, ndjson, Limits.MaxRequestBytes, Limits, CancellationToken.None);
    }

    /// <summary>Returns the body in reads of random length, as a socket does.</summary>
    private sealed class PieceStream(byte[] body, Random random, int largestPiece) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => body.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, random.Next(1, largestPiece + 1)), body.Length - _position);
            Array.Copy(body, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
