using System.CommandLine;
using Orleans.Sentiment.Client.Replay;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// The arguments of verbs that read a time-stamped file for a tenant's sources (<c>replay</c>, <c>policy-test</c>):
/// the file, its time, text and id columns, and one source for every row or a column naming each row's.
/// </summary>
internal sealed class TimedFileOptions
{
    public Argument<FileInfo> File { get; } = new("file") { Description = "Comments with a time column: .csv/.tsv (header row) or .jsonl." };

    public Option<string> TimeColumn { get; } = new("--time-column") { Description = $"Column or field with each comment's time ({ReplayTimestamps.Expected}; no offset: UTC).", Required = true };

    public Option<string> TextColumn { get; } = new("--text-column") { Description = "Column or field with the text.", DefaultValueFactory = _ => "text" };

    public Option<string?> IdColumn { get; } = new("--id-column") { Description = "Column or field with unique comment ids (default: ids from the file's name and each row's line, the same on every run)." };

    public Option<string> Tenant { get; } = new("--tenant") { Description = "Tenant id.", Required = true };

    public Option<string?> Source { get; } = new("--source") { Description = "Source id for every row." };

    public Option<string?> SourceColumn { get; } = new("--source-column") { Description = "Column naming each row's source, made a valid id (\"Virgin America\" → virgin-america)." };

    /// <summary>Adds the arguments to <paramref name="command"/>, with the rule that exactly one of --source and --source-column is given.</summary>
    public void AddTo(Command command)
    {
        command.Add(File);
        foreach (var option in new Option[] { TimeColumn, TextColumn, IdColumn, Tenant, Source, SourceColumn })
        {
            command.Add(option);
        }

        command.Validators.Add(r =>
        {
            if ((r.GetValue(Source) is null) == (r.GetValue(SourceColumn) is null))
            {
                r.AddError("Give either --source or --source-column.");
            }
            else if (r.GetValue(Source) is { } id && !ReplaySourceIds.IsValid(id))
            {
                r.AddError($"--source '{id}' is not a valid source id (1 to 64 letters, digits, '.', '_' or '-', not starting with '.').");
            }
        });
    }

    public ReplayColumns Columns(ParseResult parse) =>
        new(parse.GetValue(TimeColumn)!, parse.GetValue(IdColumn), parse.GetValue(Source), parse.GetValue(SourceColumn));

    /// <summary>The file's comments in time order, or null after printing why it cannot be used.</summary>
    public IReadOnlyList<ReplayComment>? Load(ParseResult parse, string verb) =>
        ReplayFile.Load(parse.GetValue(File)!, Columns(parse), parse.GetValue(TextColumn)!, verb);
}
