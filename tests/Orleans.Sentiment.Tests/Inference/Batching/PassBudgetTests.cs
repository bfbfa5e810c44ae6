using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Adapters;

namespace Orleans.Sentiment.Tests.Inference.Batching;

/// <summary>The batch token budget counts a text once per model pass it costs, not once per text.</summary>
public sealed class PassBudgetTests
{
    [Theory]
    [InlineData(0, 10)] // no selection: one pass, as before
    [InlineData(2, 3)] // the configured models and two tenant models: three passes of 10 tokens each
    public void TakeBatch_TextsCostingSeveralPasses_FitTheBudgetAsRowsTimesLongest(int tenantModels, int expectedTexts)
    {
        var queue = new TextQueue();
        for (var i = 0; i < 10; i++)
        {
            queue.Add(new PendingText(new PendingCall(["t"]), 0, Encoded(tokens: 10, tenantModels), i, 0));
        }

        var batch = queue.TakeBatch(maxTexts: 32, maxTokens: 100);

        Assert.Equal(expectedTexts, batch.Count);
    }

    [Fact]
    public void Passes_ConfiguredModelsAndTenantModels_CountOneForTheConfiguredAndOneEachForTenantModels()
    {
        Assert.Equal(1, new ModelSelection([0, 1], []).Passes);
        Assert.Equal(2, new ModelSelection([], Runs(2)).Passes);
        Assert.Equal(3, new ModelSelection([0], Runs(2)).Passes);
    }

    private static EncodedText Encoded(int tokens, int tenantModels) => tenantModels == 0
        ? new("t", [new int[tokens]])
        : new("t", [new int[tokens]], new ModelSelection([0], Runs(tenantModels)), [.. Enumerable.Range(0, tenantModels).Select(_ => new int[tokens])]);

    // Only the count matters to the budget: the runs are never executed here.
    private static TenantModelRun[] Runs(int count) => [.. Enumerable.Range(0, count).Select(i => new TenantModelRun($"acme:m{i}", null!, null!))];
}
