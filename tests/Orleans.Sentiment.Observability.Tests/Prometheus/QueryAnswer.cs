using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Observability.Tests.Prometheus;

/// <summary>One instant query's samples, each as its labels and value.</summary>
internal sealed record QueryAnswer(string Expression, IReadOnlyList<QueryAnswer.Sample> Samples)
{
    public sealed record Sample(IReadOnlyDictionary<string, string> Labels, double Value)
    {
        public bool Has(string label, string value) => Labels.TryGetValue(label, out var actual) && actual == value;

        public override string ToString() => $"{{{string.Join(",", Labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}} {Value}";
    }

    public static QueryAnswer From(string expression, JsonArray result) => new(expression, result
        .Select(s => new Sample(
            s!["metric"]!.AsObject().ToDictionary(l => l.Key, l => (string)l.Value!),
            PrometheusServer.Value(s)))
        .ToList());

    /// <summary>Samples whose labels include every given pair.</summary>
    public IEnumerable<Sample> Where(params (string Label, string Value)[] labels) =>
        Samples.Where(s => labels.All(l => s.Has(l.Label, l.Value)));

    public override string ToString() => Samples.Count == 0 ? $"{Expression} => (empty)" : $"{Expression} => {string.Join("; ", Samples)}";
}
