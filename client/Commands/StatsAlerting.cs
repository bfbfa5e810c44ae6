using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>A window's <c>alerting</c> flag as both stats views print it: lowercase, as in the JSON.</summary>
internal static class StatsAlerting
{
    public static bool Of(JsonObject window) => (bool?)window["alerting"] ?? false;

    public static string Text(JsonObject window) => Of(window) ? "true" : "false";
}
