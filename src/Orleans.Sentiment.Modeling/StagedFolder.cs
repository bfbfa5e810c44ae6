namespace Orleans.Sentiment.Modeling;

/// <summary>
/// Writes a folder beside its final place and moves it there in one step, so a crash or a second process never sees it
/// half-written. When another process moved its copy there first, that copy stays: both were made from the same inputs,
/// which the folder's name hashes.
/// </summary>
internal static class StagedFolder
{
    /// <param name="folder">Where the finished folder goes; must not exist yet.</param>
    /// <param name="write">Writes the folder's content into the staging folder it is given (which does not exist yet).</param>
    public static void Create(string folder, Action<string> write)
    {
        var staging = $"{folder}.staging-{Guid.NewGuid():N}";
        try
        {
            write(staging);
            try
            {
                Directory.Move(staging, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }
    }
}
