using Orleans.Sentiment.Training.BuiltIn;
using Orleans.Sentiment.Training.Head;

namespace Orleans.Sentiment.Training.Tests.BuiltIn;

/// <summary>The prior that keeps the built-in category head from calling ordinary sentences a bug report or a request.</summary>
public sealed class CategoryPriorTests
{
    private static readonly string[] Labels = ["billing", "bug report", "feature request", "other", "praise"];

    [Fact]
    public void ApplyCategoryPrior_BugAndRequestLogits_LoweredByTheirOwnShiftsOthersUnchanged()
    {
        var head = new HeadClassifier(3, 0, Labels.Length, multiLabel: false, [0, 0, 0], [1, 1, 1], seed: 1);
        float[] embedding = [0.3f, -0.2f, 0.9f];
        var before = head.Logits(embedding);

        BuiltInModels.ApplyCategoryPrior(head, Labels);
        var after = head.Logits(embedding);

        Assert.Equal(before[1] - BuiltInModels.BugReportLogitShift, after[1], 4);
        Assert.Equal(before[2] - BuiltInModels.FeatureRequestLogitShift, after[2], 4);
        Assert.Equal([before[0], before[3], before[4]], [after[0], after[3], after[4]]);
    }

    [Fact]
    public void ApplyCategoryPrior_LabelsWithoutBugOrRequest_ChangesNothing()
    {
        var head = new HeadClassifier(2, 0, 2, multiLabel: false, [0, 0], [1, 1], seed: 1);
        float[] embedding = [1f, 2f];
        var before = head.Logits(embedding);

        BuiltInModels.ApplyCategoryPrior(head, ["negative", "positive"]);

        Assert.Equal(before, head.Logits(embedding));
    }
}
