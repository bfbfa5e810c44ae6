namespace Orleans.Sentiment.Contracts;

/// <summary>
/// Delivers a source's alerts to Slack; key "{tenant}/{source}". Messages wait in a bounded, coalescing outbox kept in
/// grain state, so a deactivation or restart does not lose them. Delivery never blocks the caller.
/// </summary>
[Alias("sentiment.IAlertGrain")]
public interface IAlertGrain : IGrainWithStringKey
{
    [Alias("Notify")]
    Task NotifyAsync(AlertNotification notification);

    /// <summary>Resumes delivery of what the outbox still holds (after a restart, say); cheap when it is empty.</summary>
    [Alias("Resume")]
    Task ResumeAsync();

    /// <summary>The most recent alerts, newest first.</summary>
    [Alias("GetHistory")]
    Task<IReadOnlyList<AlertRecord>> GetHistoryAsync(int limit);
}
