namespace Orleans.Sentiment.Training.Lora;

/// <summary>Progress after one optimizer step: the epoch it fell in, steps done of the plan, mean loss since the last validation.</summary>
public sealed record LoraStep(int Epoch, int Step, int TotalSteps, double Loss, TimeSpan Elapsed);
