using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Catalog;

namespace Orleans.Sentiment.Modeling.Tests.Catalog;

public sealed class ModelReferenceTests
{
    [Theory]
    [InlineData("builtin:sentiment", ModelReferenceKind.BuiltIn, "sentiment")]
    [InlineData("BUILTIN:Category", ModelReferenceKind.BuiltIn, "category")]
    [InlineData("builtin:minilm", ModelReferenceKind.BaseEncoder, "minilm")]
    [InlineData("distilbert/distilbert-base-uncased-finetuned-sst-2-english", ModelReferenceKind.Hub, "distilbert/distilbert-base-uncased-finetuned-sst-2-english")]
    [InlineData("./models/sst2", ModelReferenceKind.Folder, "./models/sst2")]
    [InlineData("/opt/models/sst2", ModelReferenceKind.Folder, "/opt/models/sst2")]
    public void Parse_EachForm_IsRecognised(string text, ModelReferenceKind kind, string value)
    {
        var reference = ModelReference.Parse(text, "--model");

        Assert.Equal(kind, reference.Kind);
        Assert.Equal(value, reference.Value);
    }

    [Fact]
    public void Parse_UnknownBuiltIn_NamesTheSettingAndTheBuiltIns()
    {
        var error = Assert.Throws<ModelFolderException>(() => ModelReference.Parse("builtin:emotion", "Models:0:Path"));

        Assert.Contains("Models:0:Path: unknown built-in model 'builtin:emotion'", error.Message);
        Assert.Contains("builtin:sentiment and builtin:category", error.Message);
    }

    [Fact]
    public void Parse_Empty_NamesTheSetting() =>
        Assert.StartsWith("Models:1:Path must name a model folder or a hub id", Assert.Throws<ModelFolderException>(() => ModelReference.Parse(" ", "Models:1:Path")).Message);

    [Theory]
    [InlineData("org/sentiment-model", "sentiment-model")]
    [InlineData("builtin:category", "category")]
    [InlineData("/opt/models/sst2/", "sst2")]
    public void DefaultName_IsTheRepositoryBuiltInOrFolderName(string text, string name) =>
        Assert.Equal(name, ModelReference.Parse(text, "--model").DefaultName);

    [Fact]
    public async Task LocateClassifier_MissingFolder_SaysNothingIsDownloaded()
    {
        var error = await Assert.ThrowsAsync<ModelFolderException>(() => new ModelLocator().LocateClassifierAsync(ModelReference.Parse("./no/such/model", "Models:0:Path"), "Models:0:Path"));

        Assert.Equal("Models:0:Path './no/such/model' is not an existing folder. It reads as a path (not a hub id org/name), so nothing is downloaded; check the path.", error.Message);
    }

    [Fact]
    public async Task LocateClassifier_BaseEncoder_IsRefusedNamingTheClassifiers()
    {
        var error = await Assert.ThrowsAsync<ModelFolderException>(() => new ModelLocator().LocateClassifierAsync(ModelReference.Parse("builtin:minilm", "--model"), "--model"));

        Assert.Contains("is a base encoder for train --base, not a classifier", error.Message);
    }

    [Fact]
    public async Task LocateBaseEncoder_BuiltInClassifier_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ModelFolderException>(() => new ModelLocator().LocateBaseEncoderAsync(ModelReference.Parse("builtin:sentiment", "--base"), "--base"));

        Assert.Contains("is a classifier, not a base encoder", error.Message);
    }
}
