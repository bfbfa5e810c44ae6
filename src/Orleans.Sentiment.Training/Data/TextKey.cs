using System.Text;

namespace Orleans.Sentiment.Training.Data;

/// <summary>The identity of a text for merging corrections: trimmed, whitespace runs collapsed, case-folded.</summary>
public static class TextKey
{
    public static string Of(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
