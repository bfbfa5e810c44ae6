namespace Orleans.Sentiment.Client.Bench;

/// <summary>How closely a second model (int8) follows a reference (fp32) on the same texts.</summary>
internal sealed record Agreement(int Texts, int SameLabel, double MaxLogitError, double MeanLogitError)
{
    public double LabelAgreement => Texts == 0 ? 1 : SameLabel / (double)Texts;

    public static Agreement Compare(IReadOnlyList<Inference.Prediction> reference, IReadOnlyList<Inference.Prediction> other)
    {
        var same = 0;
        var max = 0.0;
        var sum = 0.0;
        var count = 0;
        for (var i = 0; i < reference.Count; i++)
        {
            same += reference[i].Label == other[i].Label ? 1 : 0;
            for (var j = 0; j < reference[i].Logits.Length; j++)
            {
                var error = Math.Abs(reference[i].Logits[j] - other[i].Logits[j]);
                max = Math.Max(max, error);
                sum += error;
                count++;
            }
        }

        return new Agreement(reference.Count, same, max, count == 0 ? 0 : sum / count);
    }
}
