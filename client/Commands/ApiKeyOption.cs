using System.CommandLine;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// The <c>--api-key</c> option of verbs that talk to a running silo (sent as <c>Authorization: Bearer</c>);
/// without it the <c>ORLEANS_SENTIMENT_API_KEY</c> environment variable is used. Never echoed in help or output.
/// </summary>
internal static class ApiKeyOption
{
    public const string EnvironmentVariable = "ORLEANS_SENTIMENT_API_KEY";

    public static Option<string?> Create() => new("--api-key")
    {
        Description = $"API key for a silo that requires one (default: the {EnvironmentVariable} environment variable).",
    };

    /// <summary>The key given on the command line, else the environment variable's, else null.</summary>
    public static string? Resolve(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { Length: > 0 } key ? key
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;
}
