using System.Text.Json;

namespace Orleans.Sentiment.Training.Data;

/// <summary>
/// Reads a label cell: a single label, several labels joined with <c>|</c>, or a JSON array of strings.
/// Labels are trimmed; empty ones are dropped.
/// </summary>
public static class LabelParser
{
    public static IReadOnlyList<string> Parse(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return [];
        }

        if (trimmed.StartsWith('[') && TryParseJsonArray(trimmed, out var fromJson))
        {
            return fromJson;
        }

        return trimmed.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static bool TryParseJsonArray(string text, out IReadOnlyList<string> labels)
    {
        labels = [];
        try
        {
            using var document = JsonDocument.Parse(text);
            labels = document.RootElement.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()!.Trim() : e.GetRawText())
                .Where(l => l.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
