using k8s.Models;
using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

public sealed class DisruptionTests
{
    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void DisruptionBudget_EachSiloAndFrontEnd_HasExactlyOneThatAllowsADrain(string overlay)
    {
        var manifests = Overlays.Render(overlay);

        foreach (var workload in manifests.AppWorkloads)
        {
            var budget = Assert.Single(manifests.OfType<V1PodDisruptionBudget>(),
                b => b.Metadata.NamespaceProperty == workload.Deployment.Metadata.NamespaceProperty && Selectors.Matches(b.Spec.Selector, workload.PodLabels));

            var replicas = workload.Deployment.Spec.Replicas
                ?? manifests.OfType<V2HorizontalPodAutoscaler>().Single(h => h.Spec.ScaleTargetRef.Name == workload.Name).Spec.MinReplicas
                ?? 1;
            var allowed = budget.Spec.MaxUnavailable is { } maxUnavailable
                ? int.Parse(maxUnavailable.Value, System.Globalization.CultureInfo.InvariantCulture)
                : replicas - int.Parse(budget.Spec.MinAvailable.Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(allowed is >= 1, $"{workload.Name}: its budget allows {allowed} disruption(s); a node drain would hang.");
            Assert.True(allowed < replicas, $"{workload.Name}: its budget lets every replica go at once.");
        }
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void RollingUpdate_SilosAndFrontEnds_NeverDropBelowTheirReplicaCount(string overlay)
    {
        foreach (var workload in Overlays.Render(overlay).AppWorkloads)
        {
            var strategy = workload.Deployment.Spec.Strategy;
            Assert.Equal("RollingUpdate", strategy?.Type);
            Assert.Equal("0", strategy!.RollingUpdate.MaxUnavailable.Value);
        }
    }
}
