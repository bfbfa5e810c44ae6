using System.Collections.Concurrent;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Deployment.Tests.Kustomize;

/// <summary>The kustomizations under k8s/, each rendered once per test run and loaded strictly.</summary>
internal static class Overlays
{
    public const string Base = "base";
    public const string Cpu = "overlays/cpu";
    public const string Gpu = "overlays/gpu";
    public const string Dev = "dev";

    /// <summary>What deploys the application (silos and front-end); <see cref="Dev"/> only holds Redis and NATS.</summary>
    public static TheoryData<string> Application => new() { Base, Cpu, Gpu };

    public static TheoryData<string> All => new() { Base, Cpu, Gpu, Dev };

    private static readonly ConcurrentDictionary<string, Lazy<Manifests>> Rendered = new();

    public static Manifests Render(string overlay) =>
        Rendered.GetOrAdd(overlay, name => new Lazy<Manifests>(() =>
            Manifests.Load(Kubectl.Kustomize(Path.Combine(TestPaths.RepositoryRoot, "k8s", name))))).Value;
}
