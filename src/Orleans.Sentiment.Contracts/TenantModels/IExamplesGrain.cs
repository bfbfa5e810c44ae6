namespace Orleans.Sentiment.Contracts.TenantModels;

/// <summary>A tenant model's labelled examples and corrections; key "{tenant}/{model}". (Minimal: the job runner's read.)</summary>
[Alias("sentiment.IExamplesGrain")]
public interface IExamplesGrain : IGrainWithStringKey
{
    [Alias("ReadAll")]
    Task<IReadOnlyList<StoredExample>> ReadAllAsync();
}
