using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Languages;

namespace Orleans.Sentiment.Tests.Languages;

public sealed class ModelLanguagesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("model-languages-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_DeclaredLanguages_AreTheModels()
    {
        var languages = Read("""{ "model_type": "bert", "languages": ["en", "es"] }""");

        Assert.False(languages.IsAny);
        Assert.Equal(["en", "es"], languages.Codes);
        Assert.True(languages.Supports("es"));
        Assert.False(languages.Supports("de"));
    }

    [Fact]
    public void Read_Star_IsAnyLanguage() => Assert.True(Read("""{ "languages": ["*"] }""").Supports("th"));

    [Theory]
    [InlineData("""{ "languages": [] }""")]
    [InlineData("""{ "languages": "en" }""")]
    [InlineData("""{ "languages": ["english"] }""")]
    [InlineData("""{ "languages": ["EN"] }""")]
    public void Read_BadDeclaration_NamesTheFieldAndFile(string config)
    {
        var error = Assert.Throws<ModelFolderException>(() => Read(config));

        Assert.Contains("'languages'", error.Message, StringComparison.Ordinal);
        Assert.Contains("config.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "model_type": "xlm-roberta" }""")]
    [InlineData("""{ "model_type": "bert", "vocab_size": 119547 }""")]
    [InlineData("""{ "model_type": "deberta-v2", "vocab_size": 251000 }""")]
    public void Read_MultilingualArchitecture_ReadsAnyLanguage(string config) => Assert.True(Read(config).IsAny);

    [Fact]
    public void Read_EnglishArchitectureWithoutDeclaration_IsEnglish()
    {
        var languages = Read("""{ "model_type": "distilbert", "vocab_size": 30522 }""");

        Assert.Equal(["en"], languages.Codes);
    }

    [Fact]
    public void Read_CamembertWithoutDeclaration_IsFrench() => Assert.Equal(["fr"], Read("""{ "model_type": "camembert", "vocab_size": 32005 }""").Codes);

    [Theory]
    [InlineData("---\nlicense: mit\nlanguage:\n- de\n- fr\ntags:\n- sentiment\n---\n# Model\n", new[] { "de", "fr" })]
    [InlineData("---\nlanguage: [es, pt]\n---\n", new[] { "es", "pt" })]
    [InlineData("---\nlanguage: it\n---\n", new[] { "it" })]
    public void Read_ModelCardLanguages_AreUsedWithoutADeclaration(string card, string[] expected)
    {
        File.WriteAllText(Path.Combine(_folder, "README.md"), card);

        Assert.Equal(expected, Read("""{ "model_type": "bert", "vocab_size": 30522 }""").Codes);
    }

    [Fact]
    public void Read_ModelCardSaysMultilingual_IsAnyLanguage()
    {
        File.WriteAllText(Path.Combine(_folder, "README.md"), "---\nlanguage:\n  - multilingual\n---\n");

        Assert.True(Read("""{ "model_type": "bert" }""").IsAny);
    }

    [Fact]
    public void Load_ModelFolder_CarriesItsLanguages()
    {
        File.WriteAllText(Path.Combine(_folder, ModelConfig.FileName), """{ "id2label": { "0": "negative", "1": "positive" }, "languages": ["en", "de"] }""");

        Assert.Equal(["en", "de"], ModelConfig.Load(_folder).Languages.Codes);
    }

    private ModelLanguages Read(string config) => ModelLanguages.Read(JsonNode.Parse(config)!.AsObject(), _folder, Path.Combine(_folder, "config.json"));
}
