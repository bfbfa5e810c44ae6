using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains.Placement;

/// <summary>
/// The silo's role, published as silo metadata (configuration section "Orleans:Metadata", key <c>role</c>) so
/// the placement filter can put classifier grains on classifier silos.
/// </summary>
public sealed class SiloRoleOptions
{
    public const string Section = "Orleans:Metadata";

    /// <summary><c>all</c> (default), <c>ingest</c> (no classifier grains unless none else exists) or <c>classifier</c>.</summary>
    [RegularExpression("^(?i)(all|ingest|classifier)$", ErrorMessage = "Orleans:Metadata:role must be 'all', 'ingest' or 'classifier'.")]
    public string Role { get; set; } = SiloRoles.All;

    /// <summary>Whether this silo loads the models when it starts (all and classifier); ingest silos load them on demand.</summary>
    public bool LoadsModelsAtStart => !string.Equals(Role, SiloRoles.Ingest, StringComparison.OrdinalIgnoreCase);
}
