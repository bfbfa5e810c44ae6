using Microsoft.Extensions.Logging;
using Orleans.Sentiment.Grains.Telemetry;

namespace Orleans.Sentiment.Grains.Training;

/// <summary>What every attempt on a trainer silo shares.</summary>
internal sealed record TrainerContext(
    IGrainFactory Grains,
    IJobTrainer Trainer,
    IModelVersions Versions,
    TrainingOptions Options,
    TrainingMetrics Metrics,
    TimeProvider Time,
    ILogger Logger);
