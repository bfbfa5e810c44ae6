using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace Orleans.Sentiment.Grains.Placement;

/// <summary>
/// Keeps the silos whose <c>role</c> metadata is <c>classifier</c> or <c>all</c>. With none among the candidates:
/// all candidates when Placement:FallbackToAnySilo is true (logged once per episode), else a clear failure.
/// </summary>
internal sealed partial class ClassifierSiloFilterDirector(
    ISiloMetadataCache metadata,
    IOptions<PlacementOptions> options,
    ILogger<ClassifierSiloFilterDirector> logger) : IPlacementFilterDirector
{
    private int _fallingBack;

    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var candidates = silos as IReadOnlyCollection<SiloAddress> ?? silos.ToArray();
        var classifiers = candidates.Where(s => SiloRoles.HostsClassifiers(metadata.GetSiloMetadata(s).Metadata.GetValueOrDefault(SiloRoles.MetadataKey))).ToArray();
        if (classifiers.Length > 0)
        {
            if (Interlocked.Exchange(ref _fallingBack, 0) == 1)
            {
                LogClassifierSilosBack(logger, classifiers.Length);
            }

            return classifiers;
        }

        if (!options.Value.FallbackToAnySilo)
        {
            throw new OrleansException(
                $"No active silo has Orleans:Metadata:role 'classifier' or 'all', so classifier grain {target.GrainIdentity} cannot be placed " +
                "(Placement:FallbackToAnySilo is false). Start a classifier silo or allow the fallback.");
        }

        if (Interlocked.Exchange(ref _fallingBack, 1) == 0)
        {
            LogFallback(logger, candidates.Count);
        }

        return candidates;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo with Orleans:Metadata:role 'classifier' or 'all' is active: classifier grains go to any of the {Count} silo(s) (Placement:FallbackToAnySilo)")]
    private static partial void LogFallback(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} classifier silo(s) active again: classifier grains go only there")]
    private static partial void LogClassifierSilosBack(ILogger logger, int count);
}
