using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Deployment.Tests.Docker;

/// <summary>
/// The instructions of a Dockerfile, enough to check its stages and to replay its build stage: continuation lines
/// joined, comments and parser directives dropped.
/// </summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<Instruction> instructions) => Instructions = instructions;

    public IReadOnlyList<Instruction> Instructions { get; }

    /// <summary>Each FROM and the instructions after it, in order.</summary>
    public IReadOnlyList<Stage> Stages =>
        Instructions.Select((instruction, index) => (instruction, index))
            .Where(x => x.instruction.Keyword == "FROM")
            .Select(x =>
            {
                var parts = x.instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var body = Instructions.Skip(x.index + 1).TakeWhile(i => i.Keyword != "FROM").ToList();
                var alias = parts.Length == 3 && parts[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[2] : null;
                return new Stage(parts[0], alias, body);
            })
            .ToList();

    public static Dockerfile Load(string path)
    {
        var instructions = new List<Instruction>();
        var pending = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            // Docker drops comment and empty lines, also between the continuation lines of one instruction.
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1].TrimEnd() + " ";
                continue;
            }

            var whole = pending + line;
            pending = "";
            var space = whole.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add(new Instruction(whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim()));
        }

        return new Dockerfile(instructions);
    }

    /// <summary>The shell command of a RUN instruction without its BuildKit flags (--mount=..., --network=...).</summary>
    public static string ShellCommand(Instruction run) => RunFlags().Replace(run.Arguments, "").Trim();

    [GeneratedRegex(@"^(--[a-z]+=\S+\s+)+")]
    private static partial Regex RunFlags();
}

internal sealed record Instruction(string Keyword, string Arguments);

internal sealed record Stage(string Image, string? Alias, IReadOnlyList<Instruction> Body)
{
    public IEnumerable<Instruction> All(string keyword) => Body.Where(i => i.Keyword == keyword);

    public Instruction? Last(string keyword) => Body.LastOrDefault(i => i.Keyword == keyword);
}
