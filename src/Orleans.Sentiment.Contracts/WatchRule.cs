namespace Orleans.Sentiment.Contracts;

/// <summary>
/// One share a policy watches, with the policy's values filled in where a watch left them out: the main share
/// (<see cref="AlertPolicy.MainWatchKey"/>; <see cref="Model"/> null means the source's window model) or a further label.
/// </summary>
public readonly record struct WatchRule(string Key, string? Model, string Label, SpikeDetector Detector, double Threshold, double Alpha, double MinLift);
