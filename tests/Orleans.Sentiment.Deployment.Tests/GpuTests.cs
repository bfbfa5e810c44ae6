using k8s.Models;
using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

public sealed class GpuTests
{
    private const string GpuResource = "nvidia.com/gpu";

    [KubectlTheory]
    [InlineData(Overlays.Base)]
    [InlineData(Overlays.Cpu)]
    [InlineData(Overlays.Dev)]
    public void Containers_OutsideGpuOverlay_AskForNoGpu(string overlay)
    {
        var manifests = Overlays.Render(overlay);

        Assert.DoesNotContain(manifests.AllContainers, AsksForGpu);
        Assert.DoesNotContain(manifests.Workloads, w => w.Template.Spec.NodeSelector?.Keys.Any(k => k.StartsWith("nvidia.com/", StringComparison.Ordinal)) == true);
        Assert.DoesNotContain(manifests.AppWorkloads, w => w.Env.ContainsKey("Inference__Device") && w.Literal("Inference__Device") != "cpu");
    }

    [KubectlFact]
    public void Containers_GpuOverlay_OnlyClassifierSilosGetOneGpuOnGpuNodes()
    {
        var manifests = Overlays.Render(Overlays.Gpu);
        var classifiers = manifests.Silos.Where(s => s.Literal("Orleans__Metadata__role") == "classifier").ToList();

        Assert.NotEmpty(classifiers);
        foreach (var classifier in classifiers)
        {
            var limits = classifier.Container.Resources?.Limits ?? new Dictionary<string, ResourceQuantity>();
            Assert.True(limits.TryGetValue(GpuResource, out var gpus), $"{classifier.Name}: no {GpuResource} limit.");
            Assert.Equal(1, gpus.ToInt32());
            Assert.StartsWith("cuda", classifier.Literal("Inference__Device"), StringComparison.Ordinal);
            Assert.Equal("orleans-sentiment/silo-gpu", ImageReference.Parse(classifier.Container.Image).Repository);
            Assert.Contains(classifier.Pod.NodeSelector ?? new Dictionary<string, string>(), pair => pair.Key.StartsWith("nvidia.com/", StringComparison.Ordinal));
            Assert.Contains(classifier.Pod.Tolerations ?? [], t => t.Key == GpuResource && t.Effect == "NoSchedule" && (t.OperatorProperty == "Exists" || t.Value is not null));
        }

        var others = manifests.Workloads.Where(w => classifiers.All(c => c.Name != w.Name)).ToList();
        Assert.DoesNotContain(others.SelectMany(w => w.Template.Spec.Containers), AsksForGpu);
        Assert.DoesNotContain(others, w => w.Template.Spec.Tolerations?.Any(t => t.Key == GpuResource) == true);
        Assert.DoesNotContain(manifests.AppWorkloads.Where(w => classifiers.All(c => c.Name != w.Name)),
            w => ImageReference.Parse(w.Container.Image).Repository.EndsWith("-gpu", StringComparison.Ordinal));
    }

    private static bool AsksForGpu(V1Container container) =>
        container.Resources?.Limits?.ContainsKey(GpuResource) == true || container.Resources?.Requests?.ContainsKey(GpuResource) == true;
}
