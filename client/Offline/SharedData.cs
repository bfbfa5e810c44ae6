namespace Orleans.Sentiment.Client.Offline;

/// <summary>
/// Finds the measuring data that lives beside the repository (<c>../shared/data</c>), or at
/// <c>SENTIMENT_SHARED_DATA</c>; null when it is absent, so callers fall back to built-in samples.
/// </summary>
internal static class SharedData
{
    public static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SENTIMENT_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        return RepositoryRoot() is { } root && Path.GetFullPath(Path.Combine(root, "..", "shared", "data")) is var data && Directory.Exists(data)
            ? data
            : null;
    }

    /// <summary>The folder holding Orleans.Sentiment.sln, above the working directory or the executable.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Orleans.Sentiment.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
