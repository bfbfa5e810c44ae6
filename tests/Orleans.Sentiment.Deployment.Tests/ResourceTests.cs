using k8s.Models;
using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

public sealed class ResourceTests
{
    [KubectlTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Resources_EveryContainer_RequestsCpuAndMemoryAndCapsMemory(string overlay)
    {
        foreach (var container in Overlays.Render(overlay).AllContainers)
        {
            var requests = container.Resources?.Requests ?? new Dictionary<string, ResourceQuantity>();
            var limits = container.Resources?.Limits ?? new Dictionary<string, ResourceQuantity>();
            Assert.True(requests.ContainsKey("cpu") && requests.ContainsKey("memory"), $"{container.Name}: requests need cpu and memory.");
            Assert.True(limits.TryGetValue("memory", out var memoryLimit), $"{container.Name}: no memory limit.");
            Assert.True(memoryLimit.ToDecimal() >= requests["memory"].ToDecimal(), $"{container.Name}: memory limit below its request.");
        }
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void Autoscaler_FrontEnd_ScalesOnCpuAgainstItsRequest(string overlay)
    {
        var manifests = Overlays.Render(overlay);
        var frontEnd = Assert.Single(manifests.FrontEnds);

        var autoscaler = Assert.Single(manifests.OfType<V2HorizontalPodAutoscaler>());
        Assert.Equal(("Deployment", frontEnd.Name), (autoscaler.Spec.ScaleTargetRef.Kind, autoscaler.Spec.ScaleTargetRef.Name));
        Assert.Contains(autoscaler.Spec.Metrics, m => m.Resource?.Name == "cpu" && m.Resource.Target.Type == "Utilization");
        Assert.True(frontEnd.Container.Resources.Requests["cpu"].ToDecimal() > 0);
        Assert.Null(frontEnd.Deployment.Spec.Replicas);
    }
}
