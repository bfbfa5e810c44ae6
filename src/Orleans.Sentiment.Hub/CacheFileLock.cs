namespace Orleans.Sentiment.Hub;

/// <summary>
/// An exclusive lock on <c>.locks/models--org--name/&lt;etag&gt;.lock</c>, the file huggingface_hub locks, so a
/// silo, the CLI and Python tools never write the same blob at once. On Unix .NET takes it with flock.
/// </summary>
internal sealed class CacheFileLock : IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);
    private readonly FileStream _stream;

    private CacheFileLock(FileStream stream) => _stream = stream;

    public static async Task<CacheFileLock> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new CacheFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                // Another process (or pull) holds it while downloading the same blob: wait for it to finish.
                await Task.Delay(RetryInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
