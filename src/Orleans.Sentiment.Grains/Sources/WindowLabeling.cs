using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// Which of a comment's predictions a source's window counts, and whether it counts towards the main share: the watched
/// model's label when the policy watches one (and the comment has its prediction), else the window model's label
/// (Sentiment:WindowModel, or the first model) judged negative by Sentiment:NegativeLabels.
/// </summary>
public static class WindowLabeling
{
    /// <param name="Unread">The model did not read the comment's language: the main share leaves the comment out.</param>
    public readonly record struct WindowLabel(string Model, string Label, bool Counts, bool Unread);

    public static WindowLabel Of(IReadOnlyDictionary<string, Prediction> predictions, string? watchModel, string? watchLabel, SentimentOptions options)
    {
        var watched = watchModel is { } model && predictions.ContainsKey(model) ? model : null;
        var windowModel = watched ?? (options.WindowModel is { } configured && predictions.ContainsKey(configured) ? configured : predictions.Keys.First());
        var prediction = predictions[windowModel];
        var label = prediction.Label;
        var counts = watched is not null
            ? string.Equals(label, watchLabel, StringComparison.OrdinalIgnoreCase)
            : options.IsNegative(label);
        return new WindowLabel(windowModel, label, counts, prediction.IsUnsupportedLanguage);
    }
}
