using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Hub;

/// <summary>A model repository on the hub: <c>org/name</c> (or a legacy single <c>name</c>).</summary>
public sealed partial record HubRepoId
{
    private HubRepoId(string value) => Value = value;

    public string Value { get; }

    /// <summary>The cache folder name huggingface_hub uses: <c>models--org--name</c>.</summary>
    public string CacheFolderName => "models--" + Value.Replace("/", "--", StringComparison.Ordinal);

    public static bool TryParse(string? text, out HubRepoId repoId)
    {
        repoId = null!;
        if (string.IsNullOrWhiteSpace(text) || !RepoIdPattern().IsMatch(text) || text.Contains("--", StringComparison.Ordinal)
            || text.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        repoId = new HubRepoId(text);
        return true;
    }

    public static HubRepoId Parse(string text) =>
        TryParse(text, out var repoId)
            ? repoId
            : throw new ArgumentException(
                $"'{text}' is not a hub model id: expected 'org/name' made of letters, digits, '-', '_' and '.'.", nameof(text));

    public override string ToString() => Value;

    // Same character set as huggingface_hub's validate_repo_id (at most one '/', 96 characters per part).
    [GeneratedRegex(@"\A(?:[A-Za-z0-9][A-Za-z0-9_.\-]{0,95}/)?[A-Za-z0-9][A-Za-z0-9_.\-]{0,95}\z")]
    private static partial Regex RepoIdPattern();
}
