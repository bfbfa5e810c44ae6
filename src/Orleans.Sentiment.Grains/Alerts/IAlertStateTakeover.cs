using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// How a source stored by an earlier version, which kept its alert policy, alert state and last message in its own
/// record, hands them to its alert grain on activation. Implemented by the alert grain only; it takes each only while
/// it has none of its own (a policy, a decision, that message), so handing them over again changes nothing.
/// </summary>
[Alias("sentiment.IAlertStateTakeover")]
public interface IAlertStateTakeover : IGrainWithStringKey
{
    [Alias("TakeOver")]
    Task TakeOverAsync(FormerSourceAlerts former);
}

/// <summary>A source's alert policy, alert state and last message, as a source stored by an earlier version kept them.</summary>
[GenerateSerializer, Alias("sentiment.FormerSourceAlerts")]
public sealed record FormerSourceAlerts(
    [property: Id(0)] AlertPolicy Policy,
    [property: Id(1)] AlertStateMachine Decisions,
    [property: Id(2)] AlertNotification? LastNotification);
