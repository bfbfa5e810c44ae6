namespace Orleans.Sentiment.Hub;

/// <summary>A pulled model: the snapshot folder (a model folder) of one commit in the Hugging Face cache.</summary>
/// <param name="FromCache">True when the hub was not asked (offline mode) or could not be reached and the cache answered.</param>
public sealed record HubSnapshot(HubRepoId Repo, string Revision, string CommitHash, string Directory, IReadOnlyList<string> Files, bool FromCache);
