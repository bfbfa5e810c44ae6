using System.Globalization;
using k8s.Models;
using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

/// <summary>
/// The network policies: the application's pods deny by default; the world reaches only HTTP; silos reach each other
/// on the silo port and front-ends reach silos' gateway; both reach DNS, Redis and NATS; silos reach HTTPS.
/// </summary>
public sealed class NetworkPolicyTests
{
    private const int Dns = 53;
    private const int Https = 443;

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void NetworkPolicies_EveryAppPod_IsDeniedByDefaultBothWays(string overlay)
    {
        var manifests = Overlays.Render(overlay);
        var policies = new NetworkPolicies(manifests);

        Assert.NotEmpty(manifests.AppWorkloads);
        foreach (var workload in manifests.AppWorkloads.Select(Pod))
        {
            Assert.Contains(policies.Selecting(workload), p =>
                p.Spec.Ingress is null or { Count: 0 } && p.Spec.Egress is null or { Count: 0 }
                && p.Spec.PolicyTypes.Order().SequenceEqual(["Egress", "Ingress"]));
        }
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void NetworkPolicies_FromOutside_OnlyTheHttpPortThatServicesTarget(string overlay)
    {
        var manifests = Overlays.Render(overlay);
        var policies = new NetworkPolicies(manifests);

        foreach (var workload in manifests.AppWorkloads)
        {
            foreach (var port in workload.Container.Ports ?? [])
            {
                Assert.True(policies.AllowsIngress(Pod(workload), port.ContainerPort, NetworkPolicies.Tcp, from: null) == (port.Name == "http"),
                    $"{workload.Name}: port {port.Name} ({port.ContainerPort}) is {(port.Name == "http" ? "closed" : "open")} to the world.");
            }

            foreach (var service in manifests.OfType<V1Service>().Where(s => Selectors.Matches(s.Spec.Selector, workload.PodLabels)))
            {
                foreach (var target in service.Spec.Ports.Select(p => p.TargetPort?.Value ?? p.Port.ToString(CultureInfo.InvariantCulture)))
                {
                    var number = workload.Container.Ports!.Single(p => p.Name == target || p.ContainerPort.ToString(CultureInfo.InvariantCulture) == target).ContainerPort;
                    Assert.True(policies.AllowsIngress(Pod(workload), number, NetworkPolicies.Tcp, from: null), $"Service {service.Metadata.Name} targets {target} of {workload.Name}, which no policy opens.");
                }
            }
        }
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void NetworkPolicies_SiloPort_OpenBetweenEverySiloPairAndToNothingElse(string overlay)
    {
        var manifests = Overlays.Render(overlay);
        var policies = new NetworkPolicies(manifests);
        var silos = manifests.Silos.ToList();

        foreach (var to in silos)
        {
            var port = OrleansPort(to, "Orleans__SiloPort", "silo");
            foreach (var from in silos)
            {
                Assert.True(policies.AllowsEgress(Pod(from), port, NetworkPolicies.Tcp, Pod(to)), $"{from.Name} may not dial {to.Name}:{port}.");
                Assert.True(policies.AllowsIngress(Pod(to), port, NetworkPolicies.Tcp, Pod(from)), $"{to.Name}:{port} refuses {from.Name}.");
            }

            foreach (var frontEnd in manifests.FrontEnds)
            {
                Assert.False(policies.AllowsIngress(Pod(to), port, NetworkPolicies.Tcp, Pod(frontEnd)), $"{to.Name}:{port} (silo-to-silo) is open to {frontEnd.Name}.");
            }
        }
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void NetworkPolicies_Gateway_OpenFromFrontEndsToEverySilo(string overlay)
    {
        var manifests = Overlays.Render(overlay);
        var policies = new NetworkPolicies(manifests);

        Assert.NotEmpty(manifests.FrontEnds);
        foreach (var silo in manifests.Silos)
        {
            var port = OrleansPort(silo, "Orleans__GatewayPort", "gateway");
            foreach (var frontEnd in manifests.FrontEnds)
            {
                Assert.True(policies.AllowsEgress(Pod(frontEnd), port, NetworkPolicies.Tcp, Pod(silo)), $"{frontEnd.Name} may not dial {silo.Name}:{port}.");
                Assert.True(policies.AllowsIngress(Pod(silo), port, NetworkPolicies.Tcp, Pod(frontEnd)), $"{silo.Name}:{port} refuses {frontEnd.Name}.");
            }
        }
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void NetworkPolicies_Egress_ReachesDnsRedisAndNatsInTheClusterOrOutside(string overlay)
    {
        var manifests = Overlays.Render(overlay);
        var dev = Overlays.Render(Overlays.Dev);
        var policies = new NetworkPolicies(manifests);
        var redis = dev.Workloads.Single(w => w.Name == "redis");
        var nats = dev.Workloads.Single(w => w.Name == "nats");

        foreach (var workload in manifests.AppWorkloads)
        {
            var pod = Pod(workload);
            var redisPort = ServicePort(dev, "redis");
            var natsPort = new Uri(workload.Literal("Nats__Url")).Port;
            Assert.True(policies.AllowsEgress(pod, Dns, NetworkPolicies.Udp, to: null), $"{workload.Name}: no DNS over UDP.");
            Assert.True(policies.AllowsEgress(pod, Dns, NetworkPolicies.Tcp, to: null), $"{workload.Name}: no DNS over TCP.");
            foreach (var (service, port) in new[] { (redis, redisPort), (nats, natsPort) })
            {
                Assert.True(policies.AllowsEgress(pod, port, NetworkPolicies.Tcp, service), $"{workload.Name} may not dial {service.Name}:{port}.");
                Assert.True(policies.AllowsEgress(pod, port, NetworkPolicies.Tcp, to: null), $"{workload.Name} may not dial a managed {service.Name} on {port}.");
            }

            // Silos post Slack webhooks and call the Kubernetes API; front-ends do neither.
            Assert.Equal(workload.Component == "silo", policies.AllowsEgress(pod, Https, NetworkPolicies.Tcp, to: null));
            Assert.False(policies.AllowsEgress(pod, 80, NetworkPolicies.Tcp, to: null), $"{workload.Name} may dial anything on port 80.");
        }
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void NetworkPolicies_EveryPortTheyName_IsAContainerPortOfThePodsItReaches(string overlay)
    {
        var manifests = Overlays.Render(overlay);
        var policies = manifests.OfType<V1NetworkPolicy>().ToList();

        Assert.NotEmpty(policies);
        foreach (var policy in policies)
        {
            var selected = manifests.Workloads.Where(w => Selectors.Matches(policy.Spec.PodSelector, w.PodLabels)).ToList();
            Assert.True(selected.Count > 0, $"NetworkPolicy {policy.Metadata.Name} selects no pod template.");
            foreach (var port in (policy.Spec.Ingress ?? []).SelectMany(r => r.Ports ?? []))
            {
                Assert.All(selected, pod => Assert.True(HasContainerPort(pod, NetworkPolicies.Resolve(port, pod)), $"{policy.Metadata.Name}: {pod.Name} has no container port {port.Port.Value}."));
            }

            foreach (var rule in (policy.Spec.Egress ?? []).Where(r => r.To is { Count: > 0 }))
            {
                var reached = manifests.Workloads.Where(w => rule.To.Any(peer => Selectors.Matches(peer.PodSelector, w.PodLabels))).ToList();
                Assert.True(reached.Count > 0, $"{policy.Metadata.Name}: an egress rule reaches no pod template.");
                foreach (var port in rule.Ports ?? [])
                {
                    Assert.All(reached, pod => Assert.True(HasContainerPort(pod, NetworkPolicies.Resolve(port, pod)), $"{policy.Metadata.Name}: egress to {pod.Name} names port {port.Port.Value}, which it does not have."));
                }
            }
        }
    }

    [KubectlFact]
    public void NetworkPolicies_DevRedisAndNats_AcceptOnlyTheApplicationsPods()
    {
        var dev = Overlays.Render(Overlays.Dev);
        var policies = new NetworkPolicies(dev);
        var application = Overlays.Render(Overlays.Gpu).AppWorkloads.Select(Pod).ToList();

        foreach (var name in new[] { "redis", "nats" })
        {
            var service = dev.Workloads.Single(w => w.Name == name);
            var port = ServicePort(dev, name);
            Assert.All(application, pod => Assert.True(policies.AllowsIngress(service, port, NetworkPolicies.Tcp, pod), $"{name}:{port} refuses {pod.Name}."));
            Assert.False(policies.AllowsIngress(service, port, NetworkPolicies.Tcp, from: null), $"{name}:{port} is open to the world.");
            Assert.False(policies.AllowsIngress(service, port, NetworkPolicies.Tcp, dev.Workloads.Single(w => w.Name != name)), $"{name}:{port} is open to the other service.");
        }
    }

    private static Workload Pod(AppWorkload workload) =>
        new(workload.Deployment, workload.Deployment.Spec.Template, workload.Deployment.Spec.Selector);

    /// <summary>The port an Orleans setting names, checked against the container port of that name.</summary>
    private static int OrleansPort(AppWorkload silo, string setting, string portName)
    {
        var port = int.Parse(silo.Literal(setting), CultureInfo.InvariantCulture);
        Assert.Contains(silo.Container.Ports ?? [], p => p.Name == portName && p.ContainerPort == port);
        return port;
    }

    /// <summary>The container port a dev Service sends its (single client) port to.</summary>
    private static int ServicePort(Manifests dev, string name)
    {
        var service = dev.Single<V1Service>(name);
        var target = service.Spec.Ports[0].TargetPort?.Value ?? service.Spec.Ports[0].Port.ToString(CultureInfo.InvariantCulture);
        var pod = dev.Workloads.Single(w => w.Name == name);
        return pod.Template.Spec.Containers.SelectMany(c => c.Ports ?? []).Single(p => p.Name == target || p.ContainerPort.ToString(CultureInfo.InvariantCulture) == target).ContainerPort;
    }

    private static bool HasContainerPort(Workload pod, int? port) =>
        port is { } number && pod.Template.Spec.Containers.SelectMany(c => c.Ports ?? []).Any(p => p.ContainerPort == number);
}
