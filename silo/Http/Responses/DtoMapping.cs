using System.Text.Json;
using System.Xml;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Data.Corrections;
using Orleans.Sentiment.Grains.Alerts;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Languages;

namespace Orleans.Sentiment.Silo.Http.Responses;

/// <summary>
/// The cluster's types as the HTTP API shows them: durations as ISO 8601 strings, enum values as camelCase words,
/// webhook URLs masked.
/// </summary>
internal static class DtoMapping
{
    public static PredictionDto ToDto(this Prediction p) => new(p.Label, p.Score, p.Scores, p.Logits);

    public static IReadOnlyDictionary<string, PredictionDto> ToDto(this IReadOnlyDictionary<string, Prediction> predictions) =>
        predictions.ToDictionary(p => p.Key, p => p.Value.ToDto());

    public static ClassifiedItemDto ToDto(this ClassifiedComment c) => new(c.Id, c.Text, c.Timestamp, c.Predictions.ToDto()) { Language = c.Language?.ToDto() };

    public static LanguageDto ToDto(this DetectedLanguage l) => new(l.Code, l.Confidence);

    public static AlertPolicyDto ToDto(this AlertPolicy p) =>
        new(p.WindowSize, p.Threshold, p.MinCount, XmlConvert.ToString(p.Cooldown), WebhookUrlPolicy.Mask(p.WebhookUrl),
            p.WindowDuration is { } d ? XmlConvert.ToString(d) : null, p.ExportMetrics, p.Models, p.WatchModel, p.WatchLabel,
            Word(p.Detector), p.Alpha, p.MinLift, p.MinBaseline, p.BaselineHorizon, p.BaselineHalfLife is { } h ? XmlConvert.ToString(h) : null,
            p.Watches?.Select(w => new AlertWatchDto(w.Model, w.Label, w.Detector is { } wd ? Word(wd) : null, w.Threshold, w.Alpha, w.MinLift)).ToArray(),
            p.IncludeExamples,
            p.IncludeUnsupportedLanguages);

    public static WindowDto ToDto(this WindowSnapshot w) =>
        new(w.Count, w.LabelCounts, w.NegativeCount, w.NegativeRatio, w.Alerting, w.WindowSize,
            w.WindowDuration is { } d ? XmlConvert.ToString(d) : null, w.ModelLabelCounts, w.Baseline, w.BaselineComments)
        {
            LanguageCounts = w.LanguageCounts,
            SharedComments = w.SharedComments,
        };

    public static AlertRecordDto ToDto(this AlertRecord r) =>
        new(Word(r.Kind), r.At, r.NegativeCount, r.Count, r.WindowSize, r.Threshold, Word(r.Delivery), r.Attempts, r.DeliveredAt,
            r.Label, r.Model, Word(r.Detector), r.Baseline, r.Themes.Select(t => new AlertThemeDto(t.Name, t.Count, t.Share, t.ExampleIds)).ToArray());

    public static PolicyTestAlertDto ToDto(this DryRunAlert a) =>
        new(Word(a.Kind), a.At, a.Label, a.Model, Word(a.Detector), a.Count, a.Hits, a.Share, a.Baseline, a.PValue, a.CommentId, a.CommentIndex);

    public static DeadLetterDto ToDto(this DeadLetter d) => new(d.Source, d.Id, d.Text, d.Reason, d.At);

    public static CorrectionDto ToDto(this Correction c) => new(c.Text, c.Label, c.CorrectedAt, c.Id, c.Source);

    private static string Word<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
