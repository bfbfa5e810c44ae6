namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// How a webhook POST, made outside the alert grain's turn so a slow receiver never blocks it, reports back to the
/// grain. Implemented by the alert grain only.
/// </summary>
[Alias("sentiment.IAlertDeliveryReport")]
public interface IAlertDeliveryReport : IGrainWithStringKey
{
    [Alias("Report")]
    Task ReportAsync(long alertId, DeliveryAttempt attempt);
}
