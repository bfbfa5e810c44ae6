namespace Orleans.Sentiment.Training.Evaluation;

/// <summary>A model's scores on labelled examples, and the examples it got wrong.</summary>
public sealed record ModelEvaluation(ClassificationReport Report, IReadOnlyList<Misclassification> Misclassified);

/// <summary>One example whose predicted labels differ from its true labels.</summary>
public sealed record Misclassification(string Text, IReadOnlyList<string> Expected, IReadOnlyList<string> Predicted, float Score);
