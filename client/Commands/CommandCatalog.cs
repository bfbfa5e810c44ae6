using System.CommandLine;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>Every verb of the CLI; each lives in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        IngestCommand.Create(),
        ReplayCommand.Create(),
        PolicyTestCommand.Create(),
        ClassifyCommand.Create(),
        TokenizeCommand.Create(),
        PrepareCommand.Create(),
        TrainCommand.Create(),
        EvaluateCommand.Create(),
        CorrectCommand.Create(),
        ModelsCommand.Create(),
        JobsCommand.Create(),
        ModelCommand.Create(),
        StatsCommand.Create(),
        BenchCommand.Create(),
        BenchIngestCommand.Create(),
    ];
}
