using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Modeling.Tests.ModelFolders;

public sealed class PaddedBatchTests
{
    [Fact]
    public void Create_SequencesOfDifferentLengths_PadsToTheLongestWithAMask()
    {
        var batch = PaddedBatch.Create([[101, 7, 102], [101, 102], [101, 5, 6, 7, 102]], padId: 1);

        Assert.Equal(5, batch.SequenceLength);
        Assert.Equal([101, 7, 102, 1, 1, 101, 102, 1, 1, 1, 101, 5, 6, 7, 102], batch.InputIds);
        Assert.Equal([1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1], batch.AttentionMask);
    }
}
