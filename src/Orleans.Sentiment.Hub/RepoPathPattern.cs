using System.Text;
using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Hub;

/// <summary>
/// A file pattern as huggingface_hub's <c>allow_patterns</c> reads it (Python fnmatch): <c>*</c> matches any
/// run of characters including <c>/</c>, <c>?</c> one character, <c>[abc]</c>/<c>[!abc]</c> a set; a pattern ending
/// in <c>/</c> matches everything under that folder; an unclosed <c>[</c> is literal.
/// </summary>
public sealed class RepoPathPattern
{
    private readonly Regex _regex;

    public RepoPathPattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Text = pattern;
        _regex = new Regex(ToRegex(pattern.EndsWith('/') ? pattern + "*" : pattern), RegexOptions.CultureInvariant);
    }

    public string Text { get; }

    public bool IsMatch(string repoPath) => _regex.IsMatch(repoPath);

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[' when i + 2 < pattern.Length && pattern.IndexOf(']', i + 2) is var close and > 0:
                    var set = pattern[(i + 1)..close];
                    regex.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }
}
