using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Observability.Tests.Grafana;

/// <summary>The queries of deploy/grafana/orleans-sentiment.json, with the panel each belongs to.</summary>
internal static class GrafanaDashboard
{
    public sealed record PanelQuery(string Panel, string Unit, string Legend, string Expression)
    {
        public override string ToString() => $"{Panel}: {Expression}";
    }

    public static string FilePath { get; } = Path.Combine(Testing.TestPaths.RepositoryRoot, "deploy", "grafana", "orleans-sentiment.json");

    public static JsonObject Load() => JsonNode.Parse(File.ReadAllText(FilePath))!.AsObject();

    /// <summary>Every target's <c>expr</c>, rows' nested panels included.</summary>
    public static IReadOnlyList<PanelQuery> Queries() => Panels(Load()["panels"]!.AsArray())
        .SelectMany(panel => (panel["targets"]?.AsArray() ?? []).Select(target => new PanelQuery(
            (string)panel["title"]!,
            (string?)panel["fieldConfig"]?["defaults"]?["unit"] ?? "",
            (string?)target!["legendFormat"] ?? "",
            (string)target!["expr"]!)))
        .ToList();

    public static IEnumerable<JsonObject> Panels(JsonArray panels) =>
        panels.Select(p => p!.AsObject()).SelectMany(p => (p["panels"]?.AsArray() is { } nested ? Panels(nested) : []).Prepend(p));
}
