using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

/// <summary>Role metadata (Orleans:Metadata:role, Host:Role) per overlay.</summary>
public sealed class RoleTests
{
    [KubectlTheory]
    [InlineData(Overlays.Base, new[] { "all" })]
    [InlineData(Overlays.Cpu, new[] { "all", "trainer" })]
    [InlineData(Overlays.Gpu, new[] { "classifier", "ingest" })]
    public void Silos_PerOverlay_CarryTheirRoleInMetadataAndLabels(string overlay, string[] roles)
    {
        var silos = Overlays.Render(overlay).Silos.ToList();

        Assert.Equal(roles, silos.Select(s => s.Literal("Orleans__Metadata__role")).Order(StringComparer.Ordinal));
        foreach (var silo in silos)
        {
            Assert.Equal("silo", silo.Literal("Host__Role"));
            var role = silo.Literal("Orleans__Metadata__role");
            Assert.Equal(role, silo.PodLabels["orleans-sentiment/role"]);
            Assert.Equal(role, silo.Deployment.Spec.Selector.MatchLabels["orleans-sentiment/role"]);
            Assert.True(silo.Deployment.Spec.Replicas >= 2, $"{silo.Name}: {silo.Deployment.Spec.Replicas} replica(s); a role needs two to survive losing a silo.");
        }
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void FrontEnd_EveryOverlay_RunsTheHttpApiAsAClient(string overlay)
    {
        var manifests = Overlays.Render(overlay);
        var frontEnd = Assert.Single(manifests.FrontEnds);

        Assert.Equal("frontend", frontEnd.Literal("Host__Role"));
        Assert.False(frontEnd.Env.ContainsKey("Orleans__Metadata__role"), "The front-end is not a silo and has no silo role.");
        Assert.Equal(frontEnd.Container.Image, Assert.Single(manifests.Silos, s => s.Literal("Orleans__Metadata__role") is not ("classifier" or "trainer")).Container.Image);
    }

    [KubectlFact]
    public void TrainerSilos_CpuOverlay_RunTheTrainerImageWithACpuLimit()
    {
        var trainer = Assert.Single(Overlays.Render(Overlays.Cpu).Silos, s => s.Literal("Orleans__Metadata__role") == "trainer");

        Assert.StartsWith("orleans-sentiment/silo-trainer:", trainer.Container.Image, StringComparison.Ordinal);
        Assert.NotNull(trainer.Container.Resources.Limits["cpu"]);
    }

    [KubectlTheory]
    [InlineData(Overlays.Cpu, "all")]
    [InlineData(Overlays.Gpu, "ingest")]
    public void SiloService_Overlay_SendsHttpToItsServingSilosOnly(string overlay, string role)
    {
        var manifests = Overlays.Render(overlay);
        var service = manifests.Single<k8s.Models.V1Service>("orleans-sentiment-silo");

        var selected = manifests.Silos.Where(s => Selectors.Matches(service.Spec.Selector, s.PodLabels)).Select(s => s.Literal("Orleans__Metadata__role"));

        Assert.Equal([role], selected);
    }
}
