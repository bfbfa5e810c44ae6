namespace Orleans.Sentiment.Hub.Tests;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hub-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
