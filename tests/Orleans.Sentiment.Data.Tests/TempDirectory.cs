namespace Orleans.Sentiment.Data.Tests;

/// <summary>A scratch directory per test class, deleted afterwards.</summary>
public abstract class TempDirectory : IDisposable
{
    protected string Root { get; } = Directory.CreateTempSubdirectory("sentiment-data-").FullName;

    protected string WriteFile(string name, string content)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }
}
