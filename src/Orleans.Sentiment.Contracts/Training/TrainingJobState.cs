namespace Orleans.Sentiment.Contracts.Training;

[GenerateSerializer, Alias("sentiment.TrainingJobState")]
public enum TrainingJobState
{
    Queued,
    Training,
    Succeeded,
    Failed,
    Cancelled,
}
