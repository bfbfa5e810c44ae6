namespace Orleans.Sentiment.Hub;

/// <summary>Hears about a pull file by file, so a CLI can draw bars and a silo can log.</summary>
public interface IHubPullProgress
{
    /// <summary>A file is about to be fetched; <paramref name="alreadyHave"/> bytes come from a partial download.</summary>
    void FileStarted(string repoPath, long size, long alreadyHave);

    void BytesReceived(string repoPath, long count);

    /// <summary>The file is in the snapshot; <paramref name="downloaded"/> is false when it was already cached.</summary>
    void FileCompleted(string repoPath, bool downloaded);
}

/// <summary>Progress that goes nowhere.</summary>
public sealed class NoHubPullProgress : IHubPullProgress
{
    public static NoHubPullProgress Instance { get; } = new();

    public void FileStarted(string repoPath, long size, long alreadyHave)
    {
    }

    public void BytesReceived(string repoPath, long count)
    {
    }

    public void FileCompleted(string repoPath, bool downloaded)
    {
    }
}
