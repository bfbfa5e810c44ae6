namespace Orleans.Sentiment.Training.Tenant;

/// <summary>What a tenant model version trains from, and the few settings a tenant may choose.</summary>
public sealed record TenantTrainingRequest
{
    /// <summary>The model's labels, 2 to 50, in id order.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    public bool MultiLabel { get; init; }

    public required IReadOnlyList<TenantExample> Examples { get; init; }

    /// <summary>Weighted like examples; a seeded part is held out and scored on its own.</summary>
    public IReadOnlyList<TenantExample> Corrections { get; init; } = [];

    /// <summary>Model reference as the CLI accepts it, recorded in the artifact.</summary>
    public string BaseModel { get; init; } = "builtin:minilm";

    /// <summary>Hugging Face folder the caller resolved <see cref="BaseModel"/> to.</summary>
    public required string BaseModelFolder { get; init; }

    /// <summary>auto | lora | head.</summary>
    public string Method { get; init; } = "auto";

    /// <summary>Hand-picked epochs; null plans the run by steps.</summary>
    public int? Epochs { get; init; }

    public double? LearningRate { get; init; }

    public int? MaxLength { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>Training stops here and keeps the best checkpoint so far.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>CPU threads for training; 0: the library's default.</summary>
    public int Threads { get; init; }
}
