namespace Orleans.Sentiment.Contracts;

/// <summary>One tenant's feedback source; key "{tenant}/{source}". Fed by the "comments" stream.</summary>
[Alias("sentiment.IFeedbackSourceGrain")]
public interface IFeedbackSourceGrain : IGrainWithStringKey
{
    [Alias("GetWindow")]
    Task<WindowSnapshot> GetWindowAsync();

    /// <summary>Most recent classified comments, newest first.</summary>
    [Alias("GetRecent")]
    Task<IReadOnlyList<ClassifiedComment>> GetRecentAsync(int limit);

    [Alias("FindRecent")]
    Task<ClassifiedComment?> FindRecentAsync(string id);

    [Alias("GetPolicy")]
    Task<AlertPolicy> GetPolicyAsync();

    [Alias("SetPolicy")]
    Task SetPolicyAsync(AlertPolicy policy);
}
