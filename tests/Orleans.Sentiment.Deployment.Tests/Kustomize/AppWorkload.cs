using k8s.Models;

namespace Orleans.Sentiment.Deployment.Tests.Kustomize;

/// <summary>A silo or front-end Deployment with its main container and that container's effective environment.</summary>
internal sealed class AppWorkload(V1Deployment deployment, Manifests manifests)
{
    public V1Deployment Deployment { get; } = deployment;

    public string Name => Deployment.Metadata.Name;

    public V1PodSpec Pod => Deployment.Spec.Template.Spec;

    public IReadOnlyDictionary<string, string> PodLabels => Selectors.ReadOnly(Deployment.Spec.Template.Metadata.Labels);

    public IReadOnlyDictionary<string, string> PodAnnotations => Selectors.ReadOnly(Deployment.Spec.Template.Metadata.Annotations);

    public string? Component => PodLabels.GetValueOrDefault("app.kubernetes.io/component");

    public V1Container Container => Pod.Containers.Count == 1
        ? Pod.Containers[0]
        : throw new InvalidOperationException($"{Name} has {Pod.Containers.Count} containers; expected one.");

    /// <summary>
    /// The container's environment as the kubelet builds it: envFrom ConfigMaps first (each must exist in the
    /// rendered set), then env entries, which win.
    /// </summary>
    public IReadOnlyDictionary<string, EnvSource> Env => env ??= BuildEnv();

    private IReadOnlyDictionary<string, EnvSource>? env;

    /// <summary>A literal value from env or a ConfigMap; throws naming the variable when absent or not literal.</summary>
    public string Literal(string name) =>
        Env.TryGetValue(name, out var source) && source.Value is { } value
            ? value
            : throw new InvalidOperationException($"{Name}: {name} is not set to a literal value (env or ConfigMap).");

    public int HttpPort => Container.Ports?.SingleOrDefault(p => p.Name == "http")?.ContainerPort
        ?? throw new InvalidOperationException($"{Name}: no container port named http.");

    private Dictionary<string, EnvSource> BuildEnv()
    {
        var result = new Dictionary<string, EnvSource>(StringComparer.Ordinal);
        foreach (var from in Container.EnvFrom ?? [])
        {
            if (from.ConfigMapRef is { } reference)
            {
                var map = manifests.Single<V1ConfigMap>(reference.Name);
                foreach (var (key, value) in map.Data ?? new Dictionary<string, string>())
                {
                    result[(from.Prefix ?? "") + key] = new EnvSource(value, null, map.Metadata.Name);
                }
            }
            else if (from.SecretRef is not null)
            {
                throw new InvalidOperationException($"{Name}: envFrom a Secret hides which keys are secret; reference keys one by one.");
            }
        }

        foreach (var variable in Container.Env ?? [])
        {
            result[variable.Name] = new EnvSource(variable.Value, variable.ValueFrom, null);
        }

        return result;
    }
}

/// <summary>Where one environment variable comes from: a literal (env value or ConfigMap entry) or a valueFrom.</summary>
internal sealed record EnvSource(string? Value, V1EnvVarSource? From, string? ConfigMap);
