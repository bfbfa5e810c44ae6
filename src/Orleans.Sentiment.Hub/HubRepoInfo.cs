namespace Orleans.Sentiment.Hub;

/// <summary>A repository at one revision: the commit it resolves to and every file path it holds.</summary>
public sealed record HubRepoInfo(string CommitHash, IReadOnlyList<string> Files);
