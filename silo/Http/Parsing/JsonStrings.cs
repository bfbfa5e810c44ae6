using System.Text.Json;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>Decodes JSON strings strictly: invalid UTF-8 or a lone surrogate escape is an error, never replaced.</summary>
internal static class JsonStrings
{
    public const string InvalidText = "is not valid UTF-8 text (or holds a lone surrogate escape)";

    public static bool TryGet(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            value = "";
            return false;
        }
    }
}
