using System.Globalization;
using k8s.Models;

namespace Orleans.Sentiment.Deployment.Tests.Kustomize;

/// <summary>
/// Evaluates rendered NetworkPolicies as the API defines them: a pod selected by any policy of a type is isolated
/// for that direction and then allows only what some rule of a policy selecting it allows; a rule with no peers
/// allows every peer, with no ports every port; a named port is the destination pod's container port of that name.
/// Peers are pods of the namespace (podSelector) or, for addresses outside the cluster's pods, rules without peers.
/// </summary>
internal sealed class NetworkPolicies(Manifests manifests)
{
    public const string Tcp = "TCP";
    public const string Udp = "UDP";

    public IEnumerable<V1NetworkPolicy> Selecting(Workload pod) =>
        manifests.OfType<V1NetworkPolicy>().Where(p => Selectors.Matches(p.Spec.PodSelector, pod.PodLabels));

    public bool IsIsolated(Workload pod, string type) => Selecting(pod).Any(p => HasType(p, type));

    /// <summary>Whether <paramref name="to"/> accepts a connection on its <paramref name="port"/> from the pod <paramref name="from"/> (null: from outside).</summary>
    public bool AllowsIngress(Workload to, int port, string protocol, Workload? from) =>
        !IsIsolated(to, "Ingress")
        || Selecting(to).Where(p => HasType(p, "Ingress")).SelectMany(p => p.Spec.Ingress ?? [])
            .Any(rule => PeerMatches(rule.FromProperty, from) && PortMatches(rule.Ports, port, protocol, to));

    /// <summary>Whether <paramref name="from"/> may open a connection to <paramref name="port"/> of the pod <paramref name="to"/> (null: outside the cluster's pods).</summary>
    public bool AllowsEgress(Workload from, int port, string protocol, Workload? to) =>
        !IsIsolated(from, "Egress")
        || Selecting(from).Where(p => HasType(p, "Egress")).SelectMany(p => p.Spec.Egress ?? [])
            .Any(rule => PeerMatches(rule.To, to) && PortMatches(rule.Ports, port, protocol, to));

    /// <summary>The container port a policy port names on a pod: its number, or the pod's container port of that name (null if none).</summary>
    public static int? Resolve(V1NetworkPolicyPort policyPort, Workload? pod)
    {
        var value = policyPort.Port?.Value ?? throw new InvalidOperationException("A policy port without a port allows a whole protocol; k8s/ never does that.");
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : pod?.Template.Spec.Containers.SelectMany(c => c.Ports ?? []).SingleOrDefault(p => p.Name == value)?.ContainerPort;
    }

    private static bool HasType(V1NetworkPolicy policy, string type) => policy.Spec.PolicyTypes?.Contains(type) ?? type == "Ingress";

    private static bool PeerMatches(IList<V1NetworkPolicyPeer>? peers, Workload? pod)
    {
        if (peers is null || peers.Count == 0)
        {
            return true;
        }

        if (peers.Any(p => p.IpBlock is not null || p.NamespaceSelector is not null))
        {
            throw new NotSupportedException("k8s/ selects peers by podSelector only; extend NetworkPolicies first.");
        }

        return pod is not null && peers.Any(p => Selectors.Matches(p.PodSelector, pod.PodLabels));
    }

    private static bool PortMatches(IList<V1NetworkPolicyPort>? ports, int port, string protocol, Workload? destination) =>
        ports is null || ports.Count == 0
        || ports.Any(p => (p.Protocol ?? Tcp) == protocol && Resolve(p, destination) == port);
}
