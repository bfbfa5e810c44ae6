namespace Orleans.Sentiment.Grains.Placement;

/// <summary>Values of the silo metadata key <see cref="MetadataKey"/> (setting <c>Orleans:Metadata:role</c>).</summary>
public static class SiloRoles
{
    public const string MetadataKey = "role";

    /// <summary>Hosts everything, classifier grains and (in a build that carries the trainer) training jobs included (the default).</summary>
    public const string All = "all";

    /// <summary>Hosts sources, alerts and stream agents; classifier grains only when no classifier silo exists.</summary>
    public const string Ingest = "ingest";

    /// <summary>Hosts classifier grains (e.g. the GPU silos), and anything else Orleans places there.</summary>
    public const string Classifier = "classifier";

    /// <summary>Runs training jobs (the trainer image, which carries libtorch); classifier grains only when no classifier silo exists.</summary>
    public const string Trainer = "trainer";

    public static bool HostsClassifiers(string? role) => Is(role, All) || Is(role, Classifier);

    public static bool RunsTraining(string? role) => Is(role, All) || Is(role, Trainer);

    private static bool Is(string? role, string value) => string.Equals(role, value, StringComparison.OrdinalIgnoreCase);
}
