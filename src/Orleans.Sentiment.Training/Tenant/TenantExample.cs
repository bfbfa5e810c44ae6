namespace Orleans.Sentiment.Training.Tenant;

/// <summary>One labelled text of a tenant model: one label, or several for a multi-label model.</summary>
public sealed record TenantExample(string Text, IReadOnlyList<string> Labels);
