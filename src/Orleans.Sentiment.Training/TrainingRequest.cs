using Orleans.Sentiment.Training.Compact;
using Orleans.Sentiment.Training.Engines;

namespace Orleans.Sentiment.Training;

/// <summary>What <c>client train</c> asks for: data, columns, output folder and engine settings.</summary>
public sealed record TrainingRequest
{
    public required string DataPath { get; init; }

    public string TextColumn { get; init; } = "text";

    public string LabelColumn { get; init; } = "label";

    public required string OutputDirectory { get; init; }

    /// <summary>Validation file for early stopping; null holds out a seeded stratified slice of the data.</summary>
    public string? ValidationPath { get; init; }

    /// <summary>Correction files (JSONL from the corrections store), merged in order.</summary>
    public IReadOnlyList<string> CorrectionFiles { get; init; } = [];

    /// <summary>
    /// Fraction of the data set aside before training (seeded, stratified) and scored with the exported model;
    /// 0 uses all data for training.
    /// </summary>
    public double HoldoutFraction { get; init; }

    /// <summary>Settings of the compact engine; its seed also drives the held-out split of every engine.</summary>
    public CompactOptions Options { get; init; } = new();

    /// <summary>The engine to train with; null: the compact engine with <see cref="Options"/>.</summary>
    public ITrainingEngine? Engine { get; init; }
}
