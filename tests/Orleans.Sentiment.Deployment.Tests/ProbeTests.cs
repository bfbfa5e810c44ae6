using k8s.Models;
using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

public sealed class ProbeTests
{
    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void Probes_SilosAndFrontEnds_CheckHealthRoutesOnTheListeningPort(string overlay)
    {
        var workloads = Overlays.Render(overlay).AppWorkloads.ToList();

        Assert.NotEmpty(workloads);
        foreach (var workload in workloads)
        {
            var container = workload.Container;
            var listening = new Uri(workload.Literal("ASPNETCORE_URLS").Split(';')[0].Replace("+", "host", StringComparison.Ordinal)).Port;
            Assert.Equal(listening, workload.HttpPort);

            AssertHttpProbe(workload, container.LivenessProbe, "/health/live", listening);
            AssertHttpProbe(workload, container.ReadinessProbe, "/health/ready", listening);
            if (container.StartupProbe is not null)
            {
                AssertHttpProbe(workload, container.StartupProbe, "/health/live", listening);
            }
        }
    }

    private static void AssertHttpProbe(AppWorkload workload, V1Probe? probe, string path, int listening)
    {
        Assert.True(probe?.HttpGet is not null, $"{workload.Name}: no HTTP probe for {path}.");
        Assert.Equal(path, probe.HttpGet.Path);
        var port = probe.HttpGet.Port.Value;
        var number = int.TryParse(port, out var n)
            ? n
            : workload.Container.Ports?.SingleOrDefault(p => p.Name == port)?.ContainerPort
              ?? throw new InvalidOperationException($"{workload.Name}: probe port {port} is not a container port.");
        Assert.Equal(listening, number);
    }
}
