using k8s.Models;
using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

/// <summary>Every kustomization renders, loads strictly, and lands in one namespace.</summary>
public sealed class RenderTests
{
    [KubectlTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Render_EveryKustomization_LoadsStrictlyIntoItsNamespace(string overlay)
    {
        var manifests = Overlays.Render(overlay);

        Assert.NotEmpty(manifests.Objects);
        Assert.Contains(manifests.OfType<V1Namespace>(), n => n.Metadata.Name == Manifests.Namespace);
        foreach (var item in manifests.Objects.Where(o => o is not V1Namespace))
        {
            Assert.True(item.Metadata.NamespaceProperty == Manifests.Namespace,
                $"{item.Kind} {item.Metadata.Name} is in namespace '{item.Metadata.NamespaceProperty}', not {Manifests.Namespace}.");
        }
    }

    [KubectlFact]
    public void Load_UnknownField_IsRejected()
    {
        // The strictness every other test relies on: a misplaced field must not load silently.
        const string yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: {}\nspecc: {}\n";

        Assert.ThrowsAny<Exception>(() => Manifests.Load(yaml));
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void ConfigMap_ProductionProfile_NamesTheServices(string overlay)
    {
        foreach (var workload in Overlays.Render(overlay).AppWorkloads)
        {
            Assert.Equal("production", workload.Literal("Cluster__Profile"));
            Assert.StartsWith("nats://", workload.Literal("Nats__Url"));
            Assert.NotEmpty(workload.Literal("Nats__StreamName"));
            Assert.NotEmpty(workload.Literal("Orleans__ClusterId"));
            Assert.NotEmpty(workload.Literal("Orleans__ServiceId"));
            Assert.NotNull(workload.Env["Auth__AdminKey"].From?.SecretKeyRef);
            Assert.NotNull(workload.Env["Redis__ConnectionString"].From?.SecretKeyRef);
        }
    }
}
