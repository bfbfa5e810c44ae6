using Orleans.Sentiment.Data;
using Orleans.Sentiment.Data.Preparation;

namespace Orleans.Sentiment.Training.Data;

/// <summary>
/// Merges human corrections (JSONL rows <c>{ "text", "label", ... }</c> as the corrections store writes them)
/// into training data. Texts are compared by <see cref="TextKey"/>; a later correction wins over an earlier
/// one, and any correction wins over every data row with the same text.
/// </summary>
public static class CorrectionsMerger
{
    public sealed record Result(IReadOnlyList<LabeledExample> Examples, int Applied, int ReplacedRows, int SkippedRows);

    public static Result Merge(IReadOnlyList<LabeledExample> data, IEnumerable<string> correctionFiles)
    {
        var corrections = new Dictionary<string, LabeledExample>(StringComparer.Ordinal);
        var order = new List<string>();
        var skipped = 0;
        foreach (var file in correctionFiles)
        {
            foreach (var row in InputFileReader.Read(file, new InputFileOptions { LabelColumn = "label", Format = InputFormat.JsonLines }))
            {
                var labels = LabelParser.Parse(row.Label);
                var text = row.Text?.Trim();
                if (!row.IsValid || string.IsNullOrEmpty(text) || labels.Count == 0)
                {
                    // Rows that name only a comment id cannot be trained on without its text.
                    skipped++;
                    continue;
                }

                var key = TextFolding.Fold(text);
                if (!corrections.ContainsKey(key))
                {
                    order.Add(key);
                }

                corrections[key] = new LabeledExample(text, labels);
            }
        }

        var merged = new List<LabeledExample>(data.Count + corrections.Count);
        var replaced = 0;
        foreach (var example in data)
        {
            if (corrections.ContainsKey(TextFolding.Fold(example.Text)))
            {
                replaced++;
                continue;
            }

            merged.Add(example);
        }

        merged.AddRange(order.Select(key => corrections[key]));
        return new Result(merged, corrections.Count, replaced, skipped);
    }
}
