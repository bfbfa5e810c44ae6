namespace Orleans.Sentiment.Data;

public enum InputFormat
{
    /// <summary>One text per line.</summary>
    Text,

    /// <summary>One JSON object per line with a "text" field (and optional "id", "label").</summary>
    JsonLines,

    /// <summary>Comma-separated with a header row.</summary>
    Csv,

    /// <summary>Tab-separated with a header row.</summary>
    Tsv,
}
