using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Orleans.Sentiment.Training.Evaluation;

/// <summary>Writes an evaluation as JSON and its misclassified rows as a CSV next to it.</summary>
public static class EvaluationReportWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Path of the misclassified-rows CSV that belongs to a report: <c>report.json</c> → <c>report.misclassified.csv</c>.</summary>
    public static string MisclassifiedPath(string reportPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(reportPath))!, Path.GetFileNameWithoutExtension(reportPath) + ".misclassified.csv");

    public static void Write(string reportPath, ModelEvaluation evaluation)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(reportPath))!);
        File.WriteAllText(reportPath, JsonSerializer.Serialize(evaluation.Report, Indented) + "\n");
        using var writer = new StreamWriter(MisclassifiedPath(reportPath));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("text");
        csv.WriteField("expected");
        csv.WriteField("predicted");
        csv.WriteField("score");
        csv.NextRecord();
        foreach (var row in evaluation.Misclassified)
        {
            csv.WriteField(row.Text);
            csv.WriteField(string.Join('|', row.Expected));
            csv.WriteField(string.Join('|', row.Predicted));
            csv.WriteField(row.Score.ToString("0.####", CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
    }
}
