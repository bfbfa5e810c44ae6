using k8s.Models;
using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

/// <summary>k8s/dev: single-replica Redis and NATS JetStream with persistent volumes, where the overlays look for them.</summary>
public sealed class DevServicesTests
{
    [KubectlFact]
    public void Nats_Dev_IsJetStream210OrNewerOnAPersistentVolume()
    {
        var nats = Overlays.Render(Overlays.Dev).Single<V1StatefulSet>("nats");
        var container = Assert.Single(nats.Spec.Template.Spec.Containers);

        var tag = ImageReference.Parse(container.Image).Tag ?? throw new InvalidOperationException($"{container.Image} has no tag.");
        var version = Version.Parse(tag.Split('-')[0]);
        Assert.True(version >= new Version(2, 10), $"nats-server {version}: Orleans.Streaming.NATS needs 2.10 or newer.");
        Assert.Equal(1, nats.Spec.Replicas);

        var arguments = (container.Command ?? []).Concat(container.Args ?? []).ToList();
        Assert.True(arguments.Contains("--jetstream") || arguments.Contains("-js"), "JetStream is not enabled.");
        var storeDirectory = arguments.Select(a => a.StartsWith("--store_dir=", StringComparison.Ordinal) ? a["--store_dir=".Length..] : null).Single(a => a is not null)!;
        AssertOnClaimedVolume(nats, container, storeDirectory);
    }

    [KubectlFact]
    public void Redis_Dev_IsOneReplicaWithAppendOnlyFileOnAPersistentVolume()
    {
        var redis = Overlays.Render(Overlays.Dev).Single<V1StatefulSet>("redis");
        var container = Assert.Single(redis.Spec.Template.Spec.Containers);

        Assert.Equal(1, redis.Spec.Replicas);
        var arguments = container.Args ?? [];
        var dir = arguments[arguments.IndexOf("--dir") + 1];
        Assert.Equal("yes", arguments[arguments.IndexOf("--appendonly") + 1]);
        AssertOnClaimedVolume(redis, container, dir);
    }

    [KubectlFact]
    public void Redis_Dev_RequiresThePasswordFromTheApplicationsSecretAndItsProbeAuthenticates()
    {
        var redis = Overlays.Render(Overlays.Dev).Single<V1StatefulSet>("redis");
        var container = Assert.Single(redis.Spec.Template.Spec.Containers);
        var application = Overlays.Render(Overlays.Cpu).Silos.First();

        var arguments = container.Args ?? [];
        var password = arguments[arguments.IndexOf("--requirepass") + 1];
        Assert.Matches(@"\A\$\([A-Z_]+\)\z", password);
        var variable = Assert.Single(container.Env ?? [], e => e.Name == password[2..^1]);
        var reference = variable.ValueFrom?.SecretKeyRef;
        Assert.True(reference is not null, $"{variable.Name} does not come from a Secret.");
        Assert.False(reference.Optional ?? false);
        // The same Secret that gives the silos their connection string, which must carry this password.
        Assert.Equal(application.Env["Redis__ConnectionString"].From!.SecretKeyRef.Name, reference.Name);

        // redis-cli reads REDISCLI_AUTH, and exits 0 even on a NOAUTH reply: the probe must look for PONG.
        Assert.Equal("REDISCLI_AUTH", variable.Name);
        var probe = string.Join(' ', container.ReadinessProbe?.Exec?.Command ?? []);
        Assert.Contains("redis-cli ping", probe);
        Assert.Contains("PONG", probe);
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void NatsUrl_Overlays_PointAtTheDevNatsService(string overlay)
    {
        var dev = Overlays.Render(Overlays.Dev);

        foreach (var workload in Overlays.Render(overlay).AppWorkloads)
        {
            var url = new Uri(workload.Literal("Nats__Url"));
            var service = dev.Single<V1Service>(url.Host);
            Assert.Contains(service.Spec.Ports, p => p.Port == url.Port);
        }
    }

    private static void AssertOnClaimedVolume(V1StatefulSet set, V1Container container, string path)
    {
        var claims = (set.Spec.VolumeClaimTemplates ?? []).Select(c => c.Metadata.Name).ToHashSet();
        Assert.Contains(container.VolumeMounts ?? [], m => claims.Contains(m.Name) && (path + "/").StartsWith(m.MountPath.TrimEnd('/') + "/", StringComparison.Ordinal));
    }
}
