using k8s.Models;
using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

public sealed class ServiceTests
{
    [KubectlTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Services_EveryOne_SelectsPodsThatHaveItsTargetPorts(string overlay)
    {
        var manifests = Overlays.Render(overlay);

        foreach (var service in manifests.OfType<V1Service>())
        {
            var pods = manifests.Workloads.Where(w => Selectors.Matches(service.Spec.Selector, w.PodLabels)).ToList();
            Assert.True(pods.Count > 0, $"Service {service.Metadata.Name} selects no pod template.");
            foreach (var port in service.Spec.Ports)
            {
                var target = port.TargetPort?.Value ?? port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                foreach (var pod in pods)
                {
                    Assert.Contains(pod.Template.Spec.Containers.SelectMany(c => c.Ports ?? []),
                        p => p.Name == target || p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == target);
                }
            }
        }
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void ApiService_FrontEnd_HasItsOwnService(string overlay)
    {
        var manifests = Overlays.Render(overlay);
        var frontEnd = Assert.Single(manifests.FrontEnds);

        var services = manifests.OfType<V1Service>().Where(s => Selectors.Matches(s.Spec.Selector, frontEnd.PodLabels)).ToList();

        var service = Assert.Single(services);
        Assert.DoesNotContain(manifests.Silos, s => Selectors.Matches(service.Spec.Selector, s.PodLabels));
    }
}
