namespace Orleans.Sentiment.Data.Preparation;

/// <summary>
/// Trims text and labels and applies the drop rules in order: malformed, null text, empty text, missing label,
/// exact duplicate, folded duplicate. The first occurrence of a duplicated text is the one kept.
/// </summary>
public static class RowCleaner
{
    public static CleaningResult Clean(IEnumerable<InputRow> input)
    {
        var kept = new List<LabelledRow>();
        var malformed = new List<MalformedRow>();
        var dropped = Enum.GetValues<DropRule>().ToDictionary(rule => rule, _ => 0);
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var folded = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = 0;
        var conflicting = 0;
        foreach (var row in input)
        {
            records++;
            if (!row.IsValid)
            {
                malformed.Add(new MalformedRow(row.Line, row.Error!));
                continue;
            }

            var rule = RuleFor(row, exact, folded, ref conflicting);
            if (rule is { } drop)
            {
                dropped[drop]++;
                continue;
            }

            var text = row.Text!.Trim();
            var label = row.Label!.Trim();
            exact.Add(text);
            folded.Add(TextFolding.Fold(text), label);
            kept.Add(new LabelledRow(row.Line, string.IsNullOrWhiteSpace(row.Id) ? null : row.Id.Trim(), text, label));
        }

        return new CleaningResult(records, kept, dropped, malformed, conflicting);
    }

    private static DropRule? RuleFor(InputRow row, HashSet<string> exact, Dictionary<string, string> folded, ref int conflicting)
    {
        if (row.Text is null || NullMarkers.IsNull(row.Text))
        {
            return DropRule.NullText;
        }

        if (string.IsNullOrWhiteSpace(row.Text))
        {
            return DropRule.EmptyText;
        }

        if (string.IsNullOrWhiteSpace(row.Label) || NullMarkers.IsNull(row.Label))
        {
            return DropRule.MissingLabel;
        }

        var text = row.Text.Trim();
        if (!folded.TryGetValue(TextFolding.Fold(text), out var firstLabel))
        {
            return null;
        }

        if (!string.Equals(firstLabel, row.Label.Trim(), StringComparison.Ordinal))
        {
            conflicting++;
        }

        return exact.Contains(text) ? DropRule.ExactDuplicate : DropRule.FoldedDuplicate;
    }
}
