using System.Globalization;
using Orleans.Sentiment.HttpApi;
using Spectre.Console;

namespace Orleans.Sentiment.Client.TenantModels;

/// <summary>Tenant models and their versions as tables.</summary>
internal static class ModelView
{
    public static void ShowModels(IReadOnlyList<TenantModelDto> models)
    {
        var table = new Table().AddColumns("model", "labels", "kind", "base", "active", "versions");
        foreach (var m in models)
        {
            table.AddRow(
                Markup.Escape(m.QualifiedName), Markup.Escape(string.Join(", ", m.Labels)), m.MultiLabel ? "multi-label" : "single-label",
                Markup.Escape(m.Base), Markup.Escape(m.ActiveVersion ?? "-"), m.Versions.Count.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
    }

    public static void ShowVersions(TenantModelDto model)
    {
        AnsiConsole.MarkupLineInterpolated($"{model.QualifiedName}: {string.Join(", ", model.Labels)} ({(model.MultiLabel ? "multi-label" : "single-label")}, base {model.Base})");
        var table = new Table().AddColumns("version", "status", "method", "held-out macro-F1", "corrections macro-F1", "examples (train/val/test)", "duration", "note");
        foreach (var v in model.Versions)
        {
            var t = v.Training;
            table.AddRow(
                Markup.Escape(v.Version), v.Status, Markup.Escape(t?.Method ?? "-"), Figure(t?.HeldOutMacroF1), Figure(t?.CorrectionsMacroF1),
                t is null ? "-" : $"{t.TrainExamples}/{t.ValidationExamples}/{t.TestExamples}", Markup.Escape(t?.Duration ?? "-"),
                Markup.Escape(v.FailureReason ?? v.Note ?? ""));
        }

        AnsiConsole.Write(table);
    }

    private static string Figure(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-";
}
