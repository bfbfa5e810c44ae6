using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Sentiment.Hub;

namespace Orleans.Sentiment.Client.Hub;

/// <summary>Progress as plain lines (start, every 10 %, done) for logs and redirected output.</summary>
internal sealed class PlainPullProgress(TextWriter output) : IHubPullProgress
{
    private readonly ConcurrentDictionary<string, FileState> _files = new(StringComparer.Ordinal);

    public void FileStarted(string repoPath, long size, long alreadyHave)
    {
        _files[repoPath] = new FileState(size) { Received = alreadyHave, LastDecile = Decile(alreadyHave, size) };
        output.WriteLine(alreadyHave > 0
            ? $"  {repoPath}: {FormatBytes(size)}, resuming at {FormatBytes(alreadyHave)}"
            : $"  {repoPath}: {FormatBytes(size)}");
    }

    public void BytesReceived(string repoPath, long count)
    {
        if (!_files.TryGetValue(repoPath, out var state))
        {
            return;
        }

        state.Received = Math.Max(0, state.Received + count);
        var decile = Decile(state.Received, state.Size);
        if (decile > state.LastDecile && decile < 10)
        {
            state.LastDecile = decile;
            output.WriteLine($"  {repoPath}: {decile * 10}%");
        }
    }

    public void FileCompleted(string repoPath, bool downloaded) =>
        output.WriteLine(downloaded ? $"  {repoPath}: done" : $"  {repoPath}: cached");

    private static int Decile(long received, long size) => size <= 0 ? 10 : (int)(received * 10 / size);

    private static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.0 'GiB'", CultureInfo.InvariantCulture),
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0 'MiB'", CultureInfo.InvariantCulture),
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.0 'KiB'", CultureInfo.InvariantCulture),
        _ => $"{bytes} B",
    };

    private sealed class FileState(long size)
    {
        public long Size { get; } = size;

        public long Received { get; set; }

        public int LastDecile { get; set; }
    }
}
