using System.CommandLine;

namespace Orleans.Sentiment.Client.Commands;

/// <summary><c>model</c>: get or make model folders. Each subcommand lives in its own file.</summary>
internal static class ModelCommand
{
    private static IEnumerable<Command> Subcommands() =>
    [
        ModelPullCommand.Create(),
        ModelSynthCommand.Create(),
        ModelQuantizeCommand.Create(),
    ];

    public static Command Create()
    {
        var command = new Command("model", "Get and make model folders (Hugging Face layout: config.json, tokenizer files, onnx/model.onnx).");
        foreach (var subcommand in Subcommands())
        {
            command.Subcommands.Add(subcommand);
        }

        return command;
    }
}
