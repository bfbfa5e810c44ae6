namespace Orleans.Sentiment.Deployment.Tests.Kustomize;

/// <summary>A fact that renders k8s/: skipped, saying why, where kubectl is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (Kubectl.Path is null)
        {
            Skip = Kubectl.Missing;
        }
    }
}

/// <summary>A theory over rendered overlays: skipped, saying why, where kubectl is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class KubectlTheoryAttribute : TheoryAttribute
{
    public KubectlTheoryAttribute()
    {
        if (Kubectl.Path is null)
        {
            Skip = Kubectl.Missing;
        }
    }
}
