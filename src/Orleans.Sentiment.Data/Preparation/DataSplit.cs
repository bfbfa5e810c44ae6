namespace Orleans.Sentiment.Data.Preparation;

public sealed record DataSplit(IReadOnlyList<LabelledRow> Train, IReadOnlyList<LabelledRow> Validation, IReadOnlyList<LabelledRow> Test);
