namespace Orleans.Sentiment.Training.Tenant;

/// <summary>Where a training run is: phase (prepare, train, evaluate, done), step of the planned total, and the latest figures.</summary>
public sealed record TenantTrainingProgress(string Phase, int Epoch, int Step, int TotalSteps, double? Loss, double? ValidationMacroF1);
