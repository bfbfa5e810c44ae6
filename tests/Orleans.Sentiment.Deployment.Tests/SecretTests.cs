using System.Text.RegularExpressions;
using k8s.Models;
using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

/// <summary>Secrets are referenced, never written into the manifests.</summary>
public sealed partial class SecretTests
{
    [KubectlTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Manifests_AnyOverlay_ContainNoSecretObjects(string overlay)
    {
        Assert.Empty(Overlays.Render(overlay).OfType<V1Secret>());
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void ConfigMaps_AnyOverlay_HoldNoSecretLookingSettings(string overlay)
    {
        foreach (var map in Overlays.Render(overlay).OfType<V1ConfigMap>())
        {
            var keys = (map.Data?.Keys ?? []).Concat(map.BinaryData?.Keys ?? []);
            Assert.DoesNotContain(keys, SecretLooking().IsMatch);
        }
    }

    [KubectlTheory]
    [MemberData(nameof(Overlays.Application), MemberType = typeof(Overlays))]
    public void SecretSettings_SilosAndFrontEnds_ComeFromSecretKeyReferences(string overlay)
    {
        var manifests = Overlays.Render(overlay);

        foreach (var workload in manifests.AppWorkloads)
        {
            AssertSecretReference(workload, "Auth__AdminKey", optional: false);
            AssertSecretReference(workload, "Redis__ConnectionString", optional: false);
            if (workload.Component == "silo")
            {
                AssertSecretReference(workload, "Slack__DefaultWebhookUrl", optional: true);
            }

            foreach (var (name, source) in workload.Env.Where(e => SecretLooking().IsMatch(e.Key)))
            {
                Assert.True(source.Value is null, $"{workload.Name}: {name} is a literal{(source.ConfigMap is null ? "" : $" in ConfigMap {source.ConfigMap}")}; reference a Secret key.");
            }
        }
    }

    [Theory]
    [InlineData("Auth__AdminKey", true)]
    [InlineData("Redis__ConnectionString", true)]
    [InlineData("Slack__DefaultWebhookUrl", true)]
    [InlineData("HF_TOKEN", true)]
    [InlineData("Nats__Password", true)]
    [InlineData("Nats__Url", false)]
    [InlineData("Orleans__ClusterId", false)]
    public void SecretLooking_SettingName_IsRecognised(string name, bool secret)
    {
        Assert.Equal(secret, SecretLooking().IsMatch(name));
    }

    private static void AssertSecretReference(AppWorkload workload, string name, bool optional)
    {
        Assert.True(workload.Env.TryGetValue(name, out var source), $"{workload.Name}: {name} is not set.");
        var reference = source.From?.SecretKeyRef;
        Assert.True(reference is not null, $"{workload.Name}: {name} does not come from a Secret.");
        Assert.False(string.IsNullOrEmpty(reference.Name));
        Assert.False(string.IsNullOrEmpty(reference.Key));
        Assert.Equal(optional, reference.Optional ?? false);
    }

    [GeneratedRegex("(Key|Password|Secret|Token|ConnectionString|Webhook)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLooking();
}
