using Orleans.Concurrency;

namespace Orleans.Sentiment.Contracts;

/// <summary>
/// One tenant's feedback source; key "{tenant}/{source}". Fed by the "comments" stream. Reads interleave with the
/// processing of a delivered batch (they change nothing), so a dashboard never waits behind a slow model call.
/// </summary>
[Alias("sentiment.IFeedbackSourceGrain")]
public interface IFeedbackSourceGrain : IGrainWithStringKey
{
    [Alias("GetWindow"), AlwaysInterleave]
    Task<WindowSnapshot> GetWindowAsync();

    /// <summary>Most recent classified comments, newest first.</summary>
    [Alias("GetRecent"), AlwaysInterleave]
    Task<IReadOnlyList<ClassifiedComment>> GetRecentAsync(int limit);

    [Alias("FindRecent"), AlwaysInterleave]
    Task<ClassifiedComment?> FindRecentAsync(string id);

    /// <summary>
    /// The themes of the source's recent comments that <paramref name="model"/> (any model when null) labelled
    /// <paramref name="label"/>, from the embeddings their classification returned.
    /// </summary>
    [Alias("GetThemes"), AlwaysInterleave]
    Task<SourceThemes> GetThemesAsync(string? model, string label);

    /// <summary>The source's alert policy, as its alert grain keeps it.</summary>
    [Alias("GetPolicy"), AlwaysInterleave]
    Task<AlertPolicy> GetPolicyAsync();

    /// <summary>
    /// Hands the policy to the source's alert grain, which validates (ArgumentException when invalid) and keeps it, and
    /// shapes the window as the policy asks before returning.
    /// </summary>
    [Alias("SetPolicy")]
    Task SetPolicyAsync(AlertPolicy policy);
}
