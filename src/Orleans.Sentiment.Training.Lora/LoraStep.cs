namespace Orleans.Sentiment.Training.Lora;

/// <summary>Progress inside an epoch: steps done, mean loss so far, for a progress bar.</summary>
public sealed record LoraStep(int Epoch, int MaxEpochs, int Step, int StepsPerEpoch, double Loss, TimeSpan Elapsed);
