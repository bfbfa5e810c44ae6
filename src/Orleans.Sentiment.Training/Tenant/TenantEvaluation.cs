namespace Orleans.Sentiment.Training.Tenant;

/// <summary>Scores of a trained version on examples it never trained on.</summary>
public sealed record TenantEvaluation(double MacroF1, int Examples, IReadOnlyDictionary<string, double> LabelF1);
