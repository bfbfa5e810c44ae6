using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Modeling.Tests.ModelFolders;

public sealed class ModelConfigTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("roberta", 514, 1, 512)]
    [InlineData("bert", 512, 0, 512)]
    [InlineData("distilbert", 512, 0, 512)]
    public void Load_ModelType_MaxSequenceLengthLeavesRoomForPositionOffset(string modelType, int positions, int padId, int expected)
    {
        File.WriteAllText(_folder.Combine("config.json"), $$"""
            { "model_type": "{{modelType}}", "max_position_embeddings": {{positions}}, "pad_token_id": {{padId}},
              "id2label": { "0": "NEG", "1": "POS" }, "label2id": { "NEG": 0, "POS": 1 } }
            """);

        var config = ModelConfig.Load(_folder.Path);

        Assert.Equal(expected, config.MaxSequenceLength);
        Assert.Equal(["NEG", "POS"], config.Labels);
    }

    [Fact]
    public void Load_Label2IdDisagreesWithId2Label_ThrowsNamingTheLabel()
    {
        File.WriteAllText(_folder.Combine("config.json"), """{ "id2label": { "0": "NEG", "1": "POS" }, "label2id": { "NEG": 1, "POS": 0 } }""");

        var error = Assert.Throws<ModelFolderException>(() => ModelConfig.Load(_folder.Path));

        Assert.Contains("label2id['NEG']", error.Message);
    }

    [Fact]
    public void Load_MultiLabelProblemType_IsMultiLabel()
    {
        File.WriteAllText(_folder.Combine("config.json"), """{ "problem_type": "multi_label_classification", "id2label": { "0": "bug", "1": "request" } }""");

        Assert.Equal(ProblemType.MultiLabel, ModelConfig.Load(_folder.Path).ProblemType);
    }
}
