using System.Text.Json;

namespace Orleans.Sentiment.Data.Corrections;

/// <summary>Reads a corrections JSONL file and resolves it to one label per text (the latest row wins).</summary>
public static class CorrectionFile
{
    public static IReadOnlyList<Correction> Read(string path)
    {
        var corrections = new List<Correction>();
        var line = 0;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } json)
        {
            line++;
            if (string.IsNullOrWhiteSpace(json))
            {
                continue;
            }

            corrections.Add(Parse(path, line, json));
        }

        return corrections;
    }

    /// <summary>One correction per text, in order of first appearance, carrying the label of the last row for that text.</summary>
    public static IReadOnlyList<Correction> Latest(IEnumerable<Correction> corrections)
    {
        var order = new List<string>();
        var latest = new Dictionary<string, Correction>(StringComparer.Ordinal);
        foreach (var correction in corrections)
        {
            if (!latest.ContainsKey(correction.Text))
            {
                order.Add(correction.Text);
            }

            latest[correction.Text] = correction;
        }

        return order.ConvertAll(text => latest[text]);
    }

    private static Correction Parse(string path, int line, string json)
    {
        try
        {
            var correction = JsonSerializer.Deserialize<Correction>(json);
            if (correction is null || string.IsNullOrWhiteSpace(correction.Text) || string.IsNullOrWhiteSpace(correction.Label))
            {
                throw new InputFileException($"{path}:{line}: a correction needs non-empty \"text\" and \"label\".");
            }

            return correction;
        }
        catch (JsonException e)
        {
            throw new InputFileException($"{path}:{line}: invalid correction row: {e.Message}");
        }
    }
}
