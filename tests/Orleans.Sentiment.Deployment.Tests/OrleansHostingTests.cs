using k8s.Models;
using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

/// <summary>What Microsoft.Orleans.Hosting.Kubernetes (UseKubernetesHosting) needs from each silo pod.</summary>
public sealed class OrleansHostingTests
{
    private const string ClusterIdLabel = "orleans/clusterId";
    private const string ServiceIdLabel = "orleans/serviceId";

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void Silos_ClusterLabels_MatchTheConfiguredIds(string overlay)
    {
        var silos = Overlays.Render(overlay).Silos.ToList();

        Assert.NotEmpty(silos);
        foreach (var silo in silos)
        {
            Assert.Equal(silo.Literal("Orleans__ClusterId"), silo.PodLabels.GetValueOrDefault(ClusterIdLabel));
            Assert.Equal(silo.Literal("Orleans__ServiceId"), silo.PodLabels.GetValueOrDefault(ServiceIdLabel));
            AssertLabelOrLiteral(silo, "ORLEANS_CLUSTER_ID", ClusterIdLabel);
            AssertLabelOrLiteral(silo, "ORLEANS_SERVICE_ID", ServiceIdLabel);
        }
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void Silos_TurnOnKubernetesHosting_FrontEndsDoNot(string overlay)
    {
        var manifests = Overlays.Render(overlay);

        Assert.All(manifests.Silos, silo => Assert.Equal("true", silo.Literal("Orleans__KubernetesHosting")));
        // A front-end is a client, not a silo: with the setting on it would refuse to start.
        Assert.All(manifests.FrontEnds, frontEnd => Assert.False(frontEnd.Env.ContainsKey("Orleans__KubernetesHosting")));
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void Silos_DownwardApi_GivesPodNameNamespaceAndAdvertisedIp(string overlay)
    {
        foreach (var silo in Overlays.Render(overlay).Silos)
        {
            Assert.Equal("metadata.name", FieldPath(silo, "POD_NAME"));
            Assert.Equal("metadata.namespace", FieldPath(silo, "POD_NAMESPACE"));
            Assert.Equal("status.podIP", FieldPath(silo, "POD_IP"));
            Assert.Equal("status.podIP", FieldPath(silo, "Orleans__AdvertisedIP"));

            var ports = silo.Container.Ports ?? [];
            Assert.Contains(ports, p => p.ContainerPort == int.Parse(silo.Literal("Orleans__SiloPort"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains(ports, p => p.ContainerPort == int.Parse(silo.Literal("Orleans__GatewayPort"), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void Silos_ServiceAccount_MayReadWatchLabelAndDeletePods(string overlay)
    {
        var manifests = Overlays.Render(overlay);

        foreach (var silo in manifests.Silos)
        {
            var accountName = silo.Pod.ServiceAccountName;
            Assert.False(string.IsNullOrEmpty(accountName), $"{silo.Name}: no serviceAccountName (the default account has no pod rights).");
            var account = manifests.Single<V1ServiceAccount>(accountName);
            Assert.NotEqual(false, silo.Pod.AutomountServiceAccountToken ?? account.AutomountServiceAccountToken);

            var verbs = manifests.OfType<V1RoleBinding>()
                .Where(b => b.Metadata.NamespaceProperty == account.Metadata.NamespaceProperty
                            && b.Subjects?.Any(s => s.Kind == "ServiceAccount" && s.Name == account.Metadata.Name && s.NamespaceProperty == account.Metadata.NamespaceProperty) == true)
                .Where(b => b.RoleRef.Kind == "Role")
                .Select(b => manifests.Single<V1Role>(b.RoleRef.Name))
                .SelectMany(r => r.Rules)
                .Where(rule => rule.ApiGroups.Contains("") && rule.Resources.Contains("pods"))
                .SelectMany(rule => rule.Verbs)
                .ToHashSet(StringComparer.Ordinal);

            // Patch labels the silo's own pod; delete removes the pod of a silo the cluster declared dead.
            Assert.Superset(new HashSet<string>(["get", "list", "watch", "patch", "delete"]), verbs);
        }
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void FrontEnds_NotSilos_CarryNoClusterLabelsAndNoApiAccess(string overlay)
    {
        var manifests = Overlays.Render(overlay);

        foreach (var frontEnd in manifests.FrontEnds)
        {
            Assert.DoesNotContain(ClusterIdLabel, frontEnd.PodLabels.Keys);
            Assert.DoesNotContain(ServiceIdLabel, frontEnd.PodLabels.Keys);
            Assert.False(frontEnd.Pod.AutomountServiceAccountToken, $"{frontEnd.Name}: the front-end needs no Kubernetes API token.");
        }
    }

    private static void AssertLabelOrLiteral(AppWorkload silo, string variable, string label)
    {
        if (!silo.Env.TryGetValue(variable, out var source))
        {
            return;
        }

        var value = source.From?.FieldRef?.FieldPath is { } path
            ? path == $"metadata.labels['{label}']" ? silo.PodLabels[label] : throw new InvalidOperationException($"{silo.Name}: {variable} reads {path}, not the {label} label.")
            : source.Value;
        Assert.Equal(silo.PodLabels[label], value);
    }

    private static string? FieldPath(AppWorkload silo, string variable) =>
        silo.Env.TryGetValue(variable, out var source) ? source.From?.FieldRef?.FieldPath : null;
}
