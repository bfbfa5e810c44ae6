using System.CommandLine;
using Orleans.Sentiment.Client.Commands;

namespace Orleans.Sentiment.Modeling.Tests.Client;

/// <summary>Runs CLI verbs in process, as <c>dotnet run --project client -- ...</c> would.</summary>
internal static class CliRunner
{
    public static async Task<int> RunAsync(params string[] args)
    {
        var root = new RootCommand("test");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync();
    }
}
