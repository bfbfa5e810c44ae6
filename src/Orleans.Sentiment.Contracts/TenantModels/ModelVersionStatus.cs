namespace Orleans.Sentiment.Contracts.TenantModels;

/// <summary>Where a version of a tenant model stands.</summary>
[GenerateSerializer, Alias("sentiment.ModelVersionStatus")]
public enum ModelVersionStatus
{
    /// <summary>Created; its training job has not started.</summary>
    Queued,

    /// <summary>A trainer is training it.</summary>
    Training,

    /// <summary>Trained, evaluated and stored; can be activated.</summary>
    Ready,

    /// <summary>The version that serves the model now (at most one per model).</summary>
    Active,

    /// <summary>Training failed; the version records why.</summary>
    Failed,

    /// <summary>Pruned beyond <c>Training:MaxVersionsKept</c>: its figures are kept, its artifact is gone.</summary>
    Retired,
}
