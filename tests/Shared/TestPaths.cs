namespace Orleans.Sentiment.Testing;

/// <summary>Locates the repository and the measuring data beside it (<c>../shared/data</c>).</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// The shared data folder: <c>SENTIMENT_SHARED_DATA</c> when set, else <c>../shared/data</c> next to the
    /// repository; null when neither exists, so tests can skip with a clear message.
    /// </summary>
    public static string? SharedData { get; } = FindSharedData();

    public const string SharedDataMissing = "../shared/data is absent (set SENTIMENT_SHARED_DATA to its location to run this test).";

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.Sentiment.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Orleans.Sentiment.sln not found above the test assembly.");
    }

    private static string? FindSharedData()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("SENTIMENT_SHARED_DATA"),
            Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data")),
        };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && Directory.Exists(c));
    }
}
