namespace Orleans.Sentiment.Grains.Placement;

/// <summary>Values of the silo metadata key <see cref="MetadataKey"/> (setting <c>Orleans:Metadata:role</c>).</summary>
public static class SiloRoles
{
    public const string MetadataKey = "role";

    /// <summary>Hosts everything, classifier grains included (the default).</summary>
    public const string All = "all";

    /// <summary>Hosts sources, alerts and stream agents; classifier grains only when no classifier silo exists.</summary>
    public const string Ingest = "ingest";

    /// <summary>Hosts classifier grains (e.g. the GPU silos), and anything else Orleans places there.</summary>
    public const string Classifier = "classifier";

    public static bool HostsClassifiers(string? role) =>
        string.Equals(role, All, StringComparison.OrdinalIgnoreCase) || string.Equals(role, Classifier, StringComparison.OrdinalIgnoreCase);
}
