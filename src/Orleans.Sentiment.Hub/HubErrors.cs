using System.Net;

namespace Orleans.Sentiment.Hub;

/// <summary>Turns hub answers and transport failures into messages that say what to do next.</summary>
internal static class HubErrors
{
    public static HubException FromStatus(HttpResponseMessage response, HubRepoId repo, string revision, string? repoPath, bool hasToken)
    {
        var status = (int)response.StatusCode;
        var code = Header(response, "X-Error-Code");
        var what = repoPath is null ? $"'{repo}' at revision '{revision}'" : $"'{repoPath}' in '{repo}' at revision '{revision}'";
        var tokenHint = hasToken
            ? "the token in HF_TOKEN has no access to it (for a gated model, accept its terms on the model page with that account)"
            : "set HF_TOKEN to a token with access (for a gated model, accept its terms on the model page first)";

        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden when code == "RepoNotFound" => new HubException(HubErrorKind.NotFound,
                $"Repository '{repo}' was not found (HTTP {status}). Check the id; if it is private, {tokenHint}."),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new HubException(HubErrorKind.Unauthorized,
                $"Access to {what} was refused (HTTP {status}{(code is null ? "" : ", " + code)}): the repository is private or gated; {tokenHint}."),
            HttpStatusCode.NotFound when code == "RevisionNotFound" => new HubException(HubErrorKind.NotFound,
                $"Revision '{revision}' was not found in '{repo}' (HTTP 404): use a branch, tag or commit hash that exists."),
            HttpStatusCode.NotFound when code == "EntryNotFound" || (repoPath is not null && code is null) => new HubException(HubErrorKind.NotFound,
                $"File {what} was not found (HTTP 404)."),
            HttpStatusCode.NotFound => new HubException(HubErrorKind.NotFound,
                $"Repository '{repo}' or revision '{revision}' was not found (HTTP 404). Check the id; if it is private, {tokenHint}."),
            _ => new HubException(HubErrorKind.Network,
                $"The hub answered HTTP {status} {response.ReasonPhrase} for {what}{Detail(response)}; try again later, or set HF_HUB_OFFLINE=1 to use cached files."),
        };
    }

    public static HubException Unreachable(Uri url, Exception error) =>
        new(HubErrorKind.Network,
            $"Could not reach {url.GetLeftPart(UriPartial.Authority)} ({error.Message.TrimEnd('.')}). Check the network, a proxy or HF_ENDPOINT, " +
            "or set HF_HUB_OFFLINE=1 to use cached files.", error);

    private static string Detail(HttpResponseMessage response) =>
        Header(response, "X-Error-Message") is { } message ? $" ({message})" : "";

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
