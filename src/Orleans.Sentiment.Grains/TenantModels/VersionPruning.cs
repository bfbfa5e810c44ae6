using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.Grains.TenantModels;

/// <summary>
/// Keeps a model's versions within <c>Training:MaxVersionsKept</c>: beyond it the oldest trained versions that do not
/// serve are retired (their artifacts are deleted; their records and figures stay), and of the records of retired and
/// failed versions only as many are kept, newest first, so a model's state stays small whatever its history.
/// </summary>
public static class VersionPruning
{
    /// <summary>The versions to keep (in order) and the ids whose artifacts are to be deleted.</summary>
    public static (List<ModelVersion> Kept, List<string> Retired) Prune(IReadOnlyList<ModelVersion> versions, int maxKept)
    {
        var servable = versions.Where(v => v.CanServe).ToList();
        var retire = servable
            .Where(v => v.Status != ModelVersionStatus.Active)
            .Take(Math.Max(0, servable.Count - maxKept))
            .Select(v => v.VersionId)
            .ToHashSet(StringComparer.Ordinal);
        var marked = versions.Select(v => retire.Contains(v.VersionId) ? v with { Status = ModelVersionStatus.Retired } : v).ToList();

        var finished = marked.Where(v => v.Status is ModelVersionStatus.Retired or ModelVersionStatus.Failed).ToList();
        var dropped = finished.Take(Math.Max(0, finished.Count - maxKept)).Select(v => v.VersionId).ToHashSet(StringComparer.Ordinal);
        return (marked.Where(v => !dropped.Contains(v.VersionId)).ToList(), [.. retire]);
    }
}
