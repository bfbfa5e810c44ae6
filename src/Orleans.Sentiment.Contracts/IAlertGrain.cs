using Orleans.Concurrency;

namespace Orleans.Sentiment.Contracts;

/// <summary>
/// Decides and delivers one source's alerts; key "{tenant}/{source}". It keeps the source's alert policy and alert
/// state, decides on the window counts its source grain hands over (after each delivered batch and on the source's
/// timer), and posts each message to Slack from a bounded, coalescing outbox kept in grain state, so a deactivation or
/// restart loses none. Delivery never blocks the caller. The source grain calls this grain and is never called back by
/// it, so the two cannot wait on each other.
/// </summary>
[Alias("sentiment.IAlertGrain")]
public interface IAlertGrain : IGrainWithStringKey
{
    /// <summary>
    /// Evaluates the policy against the source's window: raises, recovers, or holds a change until the cooldown ends. A
    /// message to send is stored, with the decision, before this returns; the same counts again decide nothing new.
    /// </summary>
    [Alias("Evaluate")]
    Task<AlertStatus> EvaluateAsync(WindowCounts window);

    /// <summary>The source's alert policy; the default until one is set.</summary>
    [Alias("GetPolicy"), AlwaysInterleave]
    Task<AlertPolicy> GetPolicyAsync();

    /// <summary>Validates and stores the policy (ArgumentException when invalid); the next evaluation decides with it.</summary>
    /// <param name="policy">The new policy.</param>
    /// <param name="window">The source's window now, for the status answered.</param>
    [Alias("SetPolicy")]
    Task<AlertStatus> SetPolicyAsync(AlertPolicy policy, WindowCounts window);

    /// <summary>
    /// Attaches the themes of a spike's comments to the spike's message (sequence <paramref name="sequence"/>) and its
    /// history entry. A spike waits a moment for them before its first delivery attempt; once sent, only the history
    /// takes them. Example texts are kept only when the policy includes examples.
    /// </summary>
    [Alias("AttachThemes")]
    Task AttachThemesAsync(long sequence, IReadOnlyList<AlertTheme> themes);

    /// <summary>The most recent alerts, newest first.</summary>
    [Alias("GetHistory")]
    Task<IReadOnlyList<AlertRecord>> GetHistoryAsync(int limit);
}
