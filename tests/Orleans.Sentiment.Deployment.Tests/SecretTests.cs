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

    [KubectlFact]
    public void Readme_CreateSecretCommand_CreatesEveryKeyTheManifestsReference()
    {
        var readme = File.ReadAllText(Path.Combine(Orleans.Sentiment.Testing.TestPaths.RepositoryRoot, "k8s", "README.md"));
        var command = CreateSecretCommand().Match(readme);
        Assert.True(command.Success, "k8s/README.md has no 'kubectl ... create secret generic orleans-sentiment' command.");
        var literals = FromLiteral().Matches(command.Value).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);

        var referenced = new[] { Overlays.Base, Overlays.Cpu, Overlays.Gpu, Overlays.Dev }.Select(Overlays.Render)
            .SelectMany(m => m.AllContainers).SelectMany(c => c.Env ?? [])
            .Select(e => e.ValueFrom?.SecretKeyRef).OfType<V1SecretKeySelector>()
            .Where(r => r.Name == "orleans-sentiment").Select(r => r.Key).ToHashSet();

        Assert.Subset(literals.Keys.ToHashSet(), referenced);
        // The dev Redis requires redis-password; the connection string the silos use must carry the same value.
        Assert.Equal($"redis:6379,password={literals["redis-password"]}", literals["redis-connection-string"]);
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

    [GeneratedRegex(@"create secret generic orleans-sentiment(?:[^\n]*\\\n)*[^\n]*")]
    private static partial Regex CreateSecretCommand();

    [GeneratedRegex("""--from-literal=(?<key>[a-z-]+)=(?<quote>["'])(?<value>.*?)\k<quote>""")]
    private static partial Regex FromLiteral();
}
