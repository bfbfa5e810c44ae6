namespace Orleans.Sentiment.Training.Lora;

/// <summary>
/// How many optimizer steps a LoRA run plans and when it scores the validation set. Without hand-picked epochs the
/// plan is <see cref="TargetEpochs"/> epochs, but at least <see cref="LoraOptions.MinSteps"/> and at most
/// <see cref="LoraOptions.MaxSteps"/> steps (one epoch from <see cref="LoraOptions.LargeDataExamples"/> examples up),
/// so a few hundred examples get enough updates; validation runs <see cref="LoraOptions.Evaluations"/> times over the
/// plan. Hand-picked epochs plan exactly that many and score after each. The learning rate warms up linearly over
/// the first <see cref="LoraOptions.WarmupRatio"/> of the plan and decays linearly to zero at its end.
/// </summary>
public sealed record StepPlan(int StepsPerEpoch, int TotalSteps, int WarmupSteps, int EvaluationInterval)
{
    /// <summary>Epochs a small data set aims for before the step bounds apply.</summary>
    public const int TargetEpochs = 20;

    public static StepPlan For(int trainingExamples, LoraOptions options)
    {
        var stepsPerEpoch = Math.Max(1, (trainingExamples + options.BatchSize - 1) / options.BatchSize);
        int total, interval;
        if (options.Epochs is { } epochs)
        {
            (total, interval) = (stepsPerEpoch * epochs, stepsPerEpoch);
        }
        else if (trainingExamples >= LoraOptions.LargeDataExamples)
        {
            (total, interval) = (stepsPerEpoch, stepsPerEpoch);
        }
        else
        {
            total = Math.Clamp(stepsPerEpoch * TargetEpochs, options.MinSteps, options.MaxSteps);
            interval = Math.Max(1, (total + options.Evaluations - 1) / options.Evaluations);
        }

        return new StepPlan(stepsPerEpoch, total, (int)Math.Ceiling(total * options.WarmupRatio), interval);
    }

    /// <summary>Epochs the plan spans (the last may be partial).</summary>
    public int Epochs => (TotalSteps + StepsPerEpoch - 1) / StepsPerEpoch;

    /// <summary>Multiplier of the peak learning rate for the step about to run (0-based).</summary>
    public double LearningRateFactor(int step) => step < WarmupSteps
        ? (step + 1.0) / WarmupSteps
        : Math.Max(0, (double)(TotalSteps - step) / Math.Max(1, TotalSteps - WarmupSteps));

    /// <summary>Whether validation runs after <paramref name="stepsDone"/> steps.</summary>
    public bool EvaluatesAfter(int stepsDone) => stepsDone % EvaluationInterval == 0 || stepsDone == TotalSteps;
}
