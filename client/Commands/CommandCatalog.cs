using System.CommandLine;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>Every verb of the CLI; each lives in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        ClassifyCommand.Create(),
        ModelCommand.Create(),
        BenchCommand.Create(),
    ];
}
