using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

public sealed class ScrapeTests
{
    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void ScrapeAnnotations_SilosAndFrontEnds_PointPrometheusAtMetrics(string overlay)
    {
        var workloads = Overlays.Render(overlay).AppWorkloads.ToList();

        Assert.NotEmpty(workloads);
        foreach (var workload in workloads)
        {
            var annotations = workload.PodAnnotations;
            Assert.Equal("true", annotations.GetValueOrDefault("prometheus.io/scrape"));
            Assert.Equal("/metrics", annotations.GetValueOrDefault("prometheus.io/path"));
            Assert.Equal(workload.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), annotations.GetValueOrDefault("prometheus.io/port"));
        }
    }
}
