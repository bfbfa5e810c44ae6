namespace Orleans.Sentiment.Contracts;

/// <summary>Delivers a source's alerts to Slack; key "{tenant}/{source}". Delivery never blocks the caller.</summary>
[Alias("sentiment.IAlertGrain")]
public interface IAlertGrain : IGrainWithStringKey
{
    [Alias("Notify")]
    Task NotifyAsync(AlertNotification notification);
}
