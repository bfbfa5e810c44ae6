using Orleans.Placement;

namespace Orleans.Sentiment.Grains.Placement;

/// <summary>
/// Placement filter for classifier grains: only silos whose role is <c>classifier</c> or <c>all</c>. Unlike the
/// built-in required-match filter, which keeps silos whose value equals the calling silo's, this does not depend
/// on where the call comes from. <see cref="ClassifierSiloFilterDirector"/> falls back to any silo when
/// none qualifies and Placement:FallbackToAnySilo allows it.
/// </summary>
public sealed class ClassifierSiloFilterStrategy() : PlacementFilterStrategy(order: 0);

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ClassifierSiloFilterAttribute() : PlacementFilterAttribute(new ClassifierSiloFilterStrategy());
