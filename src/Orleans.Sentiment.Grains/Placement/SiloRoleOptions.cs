using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains.Placement;

/// <summary>
/// The silo's role, published as silo metadata (configuration section "Orleans:Metadata", key <c>role</c>) so
/// the placement filter can put classifier grains on classifier silos.
/// </summary>
public sealed class SiloRoleOptions
{
    public const string Section = "Orleans:Metadata";

    /// <summary>
    /// <c>all</c> (default), <c>ingest</c> (no classifier grains unless none else exists), <c>classifier</c> or
    /// <c>trainer</c> (training jobs; needs the build that carries the trainer).
    /// </summary>
    [RegularExpression("^(?i)(all|ingest|classifier|trainer)$", ErrorMessage = "Orleans:Metadata:role must be 'all', 'ingest', 'classifier' or 'trainer'.")]
    public string Role { get; set; } = SiloRoles.All;

    /// <summary>Whether this silo loads the models when it starts (all and classifier); ingest and trainer silos load them on demand.</summary>
    public bool LoadsModelsAtStart => SiloRoles.HostsClassifiers(Role);

    /// <summary>Whether this silo runs training jobs (all and trainer), given a build that carries the trainer.</summary>
    public bool RunsTraining => SiloRoles.RunsTraining(Role);
}
