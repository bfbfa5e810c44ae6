using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace Orleans.Sentiment.Grains.Placement;

/// <summary>
/// Classifier placement on a silo: its role (<c>Orleans:Metadata:role</c>, published as silo metadata), the filter
/// that keeps classifier grains on classifier silos, and its fallback (<c>Placement</c>).
/// </summary>
public static class ClassifierPlacement
{
    /// <param name="silo">The silo to wire.</param>
    /// <param name="role">The role, read before the silo is built: silo metadata is fixed when it is.</param>
    public static ISiloBuilder AddClassifierPlacement(this ISiloBuilder silo, SiloRoleOptions role)
    {
        var services = silo.Services;
        services.AddOptions<SiloRoleOptions>().BindConfiguration(SiloRoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PlacementOptions>().BindConfiguration(PlacementOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.UseSiloMetadata(new Dictionary<string, string> { [SiloRoles.MetadataKey] = role.Role.ToLowerInvariant() });
        services.AddPlacementFilter<ClassifierSiloFilterStrategy, ClassifierSiloFilterDirector>(ServiceLifetime.Singleton);
        return silo;
    }
}
