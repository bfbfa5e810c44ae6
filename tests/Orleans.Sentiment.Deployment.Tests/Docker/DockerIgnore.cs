using System.Text;
using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Deployment.Tests.Docker;

/// <summary>
/// .dockerignore as Docker applies it: patterns in order, the last that matches a path or one of its parent
/// folders decides, <c>!</c> lets a path back in, <c>**</c> spans any number of folders, <c>*</c> and <c>?</c> stay
/// inside one path segment.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Include)> rules = [];

    private DockerIgnore(IEnumerable<string> lines)
    {
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var include = line.StartsWith('!');
            var pattern = (include ? line[1..] : line).Trim().Trim('/');
            rules.Add((new Regex("^" + ToRegex(pattern) + "$", RegexOptions.CultureInvariant), include));
        }
    }

    public static DockerIgnore Load(string path) => new(File.ReadAllLines(path));

    /// <summary>Whether the file at this repository-relative path (forward slashes) is sent to the build.</summary>
    public bool Sends(string relativePath)
    {
        var candidates = ParentsAndSelf(relativePath).ToList();
        var sent = true;
        foreach (var (pattern, include) in rules)
        {
            if (candidates.Any(pattern.IsMatch))
            {
                sent = include;
            }
        }

        return sent;
    }

    /// <summary>Copies what the build context holds to <paramref name="destination"/>; answers the relative paths copied.</summary>
    public IReadOnlyList<string> CopyContext(string root, string destination)
    {
        var copied = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative == ".git" || relative.StartsWith(".git/", StringComparison.Ordinal) || !Sends(relative))
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            copied.Add(relative);
        }

        return copied;
    }

    private static IEnumerable<string> ParentsAndSelf(string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }

        yield return path;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return regex.ToString();
    }
}
