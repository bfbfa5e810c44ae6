using k8s;
using k8s.Models;

namespace Orleans.Sentiment.Deployment.Tests.Kustomize;

/// <summary>
/// Rendered manifests as the Kubernetes client's typed models. Loading is strict: a field the API does not know
/// (a typo, a field at the wrong level) throws.
/// </summary>
internal sealed class Manifests(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects)
{
    public const string Namespace = "orleans-sentiment";
    public const string AppName = "orleans-sentiment";

    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects { get; } = objects;

    public static Manifests Load(string yaml)
    {
        var loaded = KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);
        var objects = loaded.Select(o => o as IKubernetesObject<V1ObjectMeta>
            ?? throw new InvalidOperationException($"Rendered object {o.GetType().Name} has no metadata.")).ToList();
        return new Manifests(objects);
    }

    public IEnumerable<T> OfType<T>() => Objects.OfType<T>();

    public T Single<T>(string name) where T : IKubernetesObject<V1ObjectMeta> =>
        Objects.OfType<T>().SingleOrDefault(o => o.Metadata.Name == name)
        ?? throw new InvalidOperationException($"No {typeof(T).Name} named {name} in the rendered manifests.");

    /// <summary>Every pod template: Deployments and StatefulSets.</summary>
    public IEnumerable<Workload> Workloads =>
        OfType<V1Deployment>().Select(d => new Workload(d, d.Spec.Template, d.Spec.Selector))
            .Concat(OfType<V1StatefulSet>().Select(s => new Workload(s, s.Spec.Template, s.Spec.Selector)));

    /// <summary>The project's own Deployments (silos and front-ends), found by their app.kubernetes.io/name label.</summary>
    public IEnumerable<AppWorkload> AppWorkloads =>
        OfType<V1Deployment>()
            .Where(d => Selectors.ReadOnly(d.Spec.Template.Metadata.Labels).GetValueOrDefault("app.kubernetes.io/name") == AppName)
            .Select(d => new AppWorkload(d, this));

    public IEnumerable<AppWorkload> Silos => AppWorkloads.Where(w => w.Component == "silo");

    public IEnumerable<AppWorkload> FrontEnds => AppWorkloads.Where(w => w.Component == "frontend");

    public IEnumerable<V1Container> AllContainers =>
        Workloads.SelectMany(w => (w.Template.Spec.InitContainers ?? []).Concat(w.Template.Spec.Containers));
}

internal sealed record Workload(IKubernetesObject<V1ObjectMeta> Owner, V1PodTemplateSpec Template, V1LabelSelector Selector)
{
    public string Name => Owner.Metadata.Name;

    public IReadOnlyDictionary<string, string> PodLabels => Selectors.ReadOnly(Template.Metadata.Labels);
}
