using System.CommandLine;
using Orleans.Sentiment.Client.Http;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>The <c>--url</c> option of verbs that talk to a running silo.</summary>
internal static class SiloUrlOption
{
    public static Option<Uri> Create() => new("--url")
    {
        Description = $"Silo base URL (default {SiloApi.DefaultUrl}).",
        DefaultValueFactory = _ => new Uri(SiloApi.DefaultUrl),
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"--url must be an absolute http or https URL, not '{text}'.");
            return null;
        },
    };
}
