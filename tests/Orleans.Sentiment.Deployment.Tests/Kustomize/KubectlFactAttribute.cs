namespace Orleans.Sentiment.Deployment.Tests.Kustomize;

/// <summary>A fact that renders k8s/: skipped, saying why, where kubectl (with kustomize 5) is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        Skip = Kubectl.Missing;
    }
}

/// <summary>A theory over rendered overlays: skipped, saying why, where kubectl (with kustomize 5) is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class KubectlTheoryAttribute : TheoryAttribute
{
    public KubectlTheoryAttribute()
    {
        Skip = Kubectl.Missing;
    }
}
