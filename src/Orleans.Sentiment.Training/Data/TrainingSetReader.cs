using Orleans.Sentiment.Data;

namespace Orleans.Sentiment.Training.Data;

/// <summary>Reads labelled examples from a .csv, .tsv or .jsonl file with the shared input reader.</summary>
public static class TrainingSetReader
{
    public static TrainingSet Read(string path, string textColumn, string labelColumn)
    {
        var examples = new List<LabeledExample>();
        int malformed = 0, unlabelled = 0;
        foreach (var row in InputFileReader.Read(path, new InputFileOptions { TextColumn = textColumn, LabelColumn = labelColumn }))
        {
            if (!row.IsValid)
            {
                malformed++;
                continue;
            }

            var labels = LabelParser.Parse(row.Label);
            var text = row.Text?.Trim();
            if (labels.Count == 0 || string.IsNullOrEmpty(text))
            {
                unlabelled++;
                continue;
            }

            examples.Add(new LabeledExample(text, labels));
        }

        return new TrainingSet(examples, malformed, unlabelled);
    }
}
