namespace Orleans.Sentiment.Contracts;

/// <summary>
/// One more label a policy watches besides its main share: <see cref="Label"/> of <see cref="Model"/>'s predictions
/// (a configured model such as "category", or a tenant model "tenant:model"), with its own detector. Fields left null
/// take the policy's values. Each watch alerts and recovers on its own, with its own cooldown.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.AlertWatch")]
public sealed record AlertWatch(
    [property: Id(0)] string Model,
    [property: Id(1)] string Label,
    [property: Id(2)] SpikeDetector? Detector = null,
    [property: Id(3)] double? Threshold = null,
    [property: Id(4)] double? Alpha = null,
    [property: Id(5)] double? MinLift = null)
{
    /// <summary>The key a watch's state and baseline are kept under.</summary>
    public string Key => $"{Model}\u001f{Label}";
}
