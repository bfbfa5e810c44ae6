namespace Orleans.Sentiment.Training.Lora.Tests;

public sealed class StepPlanTests
{
    private static readonly LoraOptions Defaults = new();

    [Theory]
    // 382 van Vliet training rows: 12 steps an epoch, 20 epochs are 240 steps, raised to the 300-step floor.
    [InlineData(382, 12, 300, 15)]
    // 55 rows (16 per label, 5 labels, after the test and validation parts): 2 steps an epoch, still 300 steps.
    [InlineData(55, 2, 300, 15)]
    // 2,000 rows: 63 steps an epoch, 20 epochs = 1,260 steps.
    [InlineData(2_000, 63, 1_260, 63)]
    // 19,999 rows: capped at 3,000 steps (about 4.8 epochs).
    [InlineData(LoraOptions.LargeDataExamples - 1, 625, 3_000, 150)]
    // From 20,000 rows: one epoch, scored once, as the one-epoch SST-2 recipe.
    [InlineData(LoraOptions.LargeDataExamples, 625, 625, 625)]
    public void For_WithoutEpochs_PlansTwentyEpochsWithinTheStepBounds(int examples, int stepsPerEpoch, int total, int interval)
    {
        var plan = StepPlan.For(examples, Defaults);

        Assert.Equal(stepsPerEpoch, plan.StepsPerEpoch);
        Assert.Equal(total, plan.TotalSteps);
        Assert.Equal(interval, plan.EvaluationInterval);
        Assert.Equal((int)Math.Ceiling(total * Defaults.WarmupRatio), plan.WarmupSteps);
    }

    [Fact]
    public void For_HandPickedEpochs_PlansExactlyThoseAndScoresEachEpoch()
    {
        var plan = StepPlan.For(382, Defaults with { Epochs = 3 });

        Assert.Equal(36, plan.TotalSteps);
        Assert.Equal(12, plan.EvaluationInterval);
        Assert.Equal(3, plan.Epochs);
        Assert.Equal([12, 24, 36], Enumerable.Range(1, 36).Where(plan.EvaluatesAfter));
    }

    [Fact]
    public void LearningRateFactor_WarmsUpLinearlyThenDecaysToZeroAtTheEndOfThePlan()
    {
        var plan = new StepPlan(StepsPerEpoch: 10, TotalSteps: 100, WarmupSteps: 10, EvaluationInterval: 5);

        Assert.Equal(0.1, plan.LearningRateFactor(0), 9);
        Assert.Equal(1.0, plan.LearningRateFactor(9), 9);
        Assert.Equal(1.0, plan.LearningRateFactor(10), 9);
        Assert.Equal(0.5, plan.LearningRateFactor(55), 9);
        Assert.Equal(1.0 / 90, plan.LearningRateFactor(99), 9);
        Assert.Equal(0.0, plan.LearningRateFactor(100), 9);
    }

    [Fact]
    public void EvaluatesAfter_EveryIntervalAndTheLastStep()
    {
        var plan = new StepPlan(StepsPerEpoch: 4, TotalSteps: 22, WarmupSteps: 2, EvaluationInterval: 5);

        Assert.Equal([5, 10, 15, 20, 22], Enumerable.Range(1, 22).Where(plan.EvaluatesAfter));
    }
}
