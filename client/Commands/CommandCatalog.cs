using System.CommandLine;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>Every verb of the CLI; each lives in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        IngestCommand.Create(),
        StatsCommand.Create(),
        PrepareCommand.Create(),
        CorrectCommand.Create(),
        ClassifyCommand.Create(),
        ModelCommand.Create(),
        BenchCommand.Create(),
        TrainCommand.Create(),
        EvaluateCommand.Create(),
        TokenizeCommand.Create(),
    ];
}
