namespace Orleans.Sentiment.Grains.Placement;

/// <summary>Where classifier grains go (configuration section "Placement").</summary>
public sealed class PlacementOptions
{
    public const string Section = "Placement";

    /// <summary>With no classifier (or all) silo in the cluster, place classifier grains on any silo (logged once) instead of failing.</summary>
    public bool FallbackToAnySilo { get; set; } = true;
}
