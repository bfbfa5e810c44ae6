using System.CommandLine;
using Orleans.Sentiment.Client.Commands;

var root = new RootCommand("Orleans.Sentiment client: ingest feedback, classify offline, prepare data, train and evaluate models.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
