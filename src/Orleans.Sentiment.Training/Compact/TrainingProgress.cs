namespace Orleans.Sentiment.Training.Compact;

/// <summary>One finished epoch: mean training loss and the validation score (macro-F1) that early stopping watches.</summary>
public sealed record TrainingProgress(int Epoch, int MaxEpochs, double Loss, double ValidationAccuracy, double ValidationMacroF1, bool Improved);
