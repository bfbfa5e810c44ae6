using System.Text.Json;

namespace Orleans.Sentiment.Client.PolicyTest;

/// <summary>
/// A policy file (<c>--policy</c>): one JSON object as PUT alert-policy takes it. It is sent as written, so the silo's
/// answer names any field it refuses; here it only has to be a JSON object.
/// </summary>
internal static class PolicyFile
{
    /// <summary>The policy, or null with <paramref name="problem"/> saying why the file is not one.</summary>
    public static JsonElement? Read(FileInfo file, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file.FullName));
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }

            problem = $"{file.Name}: must hold one JSON object (an alert policy), not a {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.";
        }
        catch (JsonException e)
        {
            problem = $"{file.Name}: not valid JSON: {e.Message}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"{file.Name}: {e.Message}";
        }

        return null;
    }
}
