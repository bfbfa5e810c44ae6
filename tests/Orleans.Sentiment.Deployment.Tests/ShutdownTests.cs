using System.Globalization;
using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

public sealed class ShutdownTests
{
    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void GracePeriod_SilosAndFrontEnds_OutlastPreStopPlusShutdownTimeout(string overlay)
    {
        foreach (var workload in Overlays.Render(overlay).AppWorkloads)
        {
            var shutdown = TimeSpan.Parse(workload.Literal("Host__ShutdownTimeout"), CultureInfo.InvariantCulture);
            var preStop = PreStopSeconds(workload);
            var grace = workload.Pod.TerminationGracePeriodSeconds
                ?? throw new InvalidOperationException($"{workload.Name}: terminationGracePeriodSeconds is not set (the default 30 s is not longer than the shutdown timeout).");

            Assert.True(grace > preStop + shutdown.TotalSeconds,
                $"{workload.Name}: grace period {grace} s must exceed preStop {preStop} s + Host:ShutdownTimeout {shutdown.TotalSeconds} s.");
        }
    }

    /// <summary>Seconds a preStop <c>sleep N</c> (exec or the native sleep action) holds the pod before SIGTERM.</summary>
    private static double PreStopSeconds(AppWorkload workload)
    {
        var preStop = workload.Container.Lifecycle?.PreStop;
        if (preStop?.Sleep is { } sleep)
        {
            return sleep.Seconds;
        }

        if (preStop?.Exec?.Command is [.., var last] command && command.Any(c => c.EndsWith("sleep", StringComparison.Ordinal)))
        {
            return double.Parse(last, CultureInfo.InvariantCulture);
        }

        Assert.True(preStop is null, $"{workload.Name}: a preStop hook other than sleep cannot be bounded here.");
        return 0;
    }
}
