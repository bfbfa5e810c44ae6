namespace Orleans.Sentiment.Hub.Tests;

public sealed class HubFileSelectionTests
{
    private static readonly HubRepoId Repo = HubRepoId.Parse("acme/model");

    [Fact]
    public void Select_TransformersJsLayout_PrefersOnnxFolderGraph()
    {
        string[] files = ["config.json", "tokenizer.json", "model.onnx", "onnx/model.onnx", "onnx/model_quantized.onnx", "README.md"];

        var selected = HubFileSelection.ModelFolder().Select(Repo, files);

        Assert.Equal(["config.json", "tokenizer.json", "onnx/model.onnx"], selected);
    }

    [Fact]
    public void Select_OptimumLayout_TakesRootGraphAndExternalData()
    {
        string[] files = ["config.json", "vocab.json", "merges.txt", "model.onnx", "model.onnx_data", "pytorch_model.bin"];

        var selected = HubFileSelection.ModelFolder().Select(Repo, files);

        Assert.Equal(["config.json", "vocab.json", "merges.txt", "model.onnx", "model.onnx_data"], selected);
    }

    [Fact]
    public void Select_QuantizedVariant_TakesOnlyQuantizedGraph()
    {
        string[] files = ["config.json", "vocab.txt", "onnx/model.onnx", "onnx/model_quantized.onnx"];

        var selected = HubFileSelection.ModelFolder("quantized").Select(Repo, files);

        Assert.Equal(["config.json", "vocab.txt", "onnx/model_quantized.onnx"], selected);
    }

    [Fact]
    public void Select_TwoVariants_TakesBothGraphs()
    {
        string[] files = ["config.json", "onnx/model.onnx", "onnx/model_quantized.onnx", "onnx/model_fp16.onnx"];

        var selected = HubFileSelection.ModelFolder("default", "quantized").Select(Repo, files);

        Assert.Equal(["config.json", "onnx/model.onnx", "onnx/model_quantized.onnx"], selected);
    }

    [Fact]
    public void Select_NoOnnxGraph_ThrowsUnusableSuggestingAnExport()
    {
        string[] files = ["config.json", "vocab.txt", "pytorch_model.bin"];

        var error = Assert.Throws<HubException>(() => HubFileSelection.ModelFolder().Select(Repo, files));

        Assert.Equal(HubErrorKind.Unusable, error.Kind);
        Assert.Contains("optimum-cli export onnx --model acme/model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_MissingVariant_ListsTheGraphsThatExist()
    {
        string[] files = ["config.json", "onnx/model.onnx", "onnx/model_int8.onnx"];

        var error = Assert.Throws<HubException>(() => HubFileSelection.ModelFolder("quantized").Select(Repo, files));

        Assert.Contains("onnx/model.onnx, onnx/model_int8.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_XlmRobertaLayout_TakesTokenizerJsonAndSkipsTheSentencePieceModel()
    {
        string[] files = ["config.json", "sentencepiece.bpe.model", "special_tokens_map.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx", "model.safetensors"];

        var selected = HubFileSelection.ModelFolder().Select(Repo, files);

        Assert.Equal(["config.json", "special_tokens_map.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx"], selected);
    }

    [Fact]
    public void Select_SentencePieceModelWithoutTokenizerJson_ThrowsNamingTheFileAndTheExport()
    {
        string[] files = ["config.json", "sentencepiece.bpe.model", "tokenizer_config.json", "onnx/model.onnx"];

        var error = Assert.Throws<HubException>(() => HubFileSelection.ModelFolder().Select(Repo, files));

        Assert.Equal(HubErrorKind.Unusable, error.Kind);
        Assert.Contains("sentencepiece.bpe.model but no tokenizer.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("AutoTokenizer.from_pretrained(\"acme/model\").save_pretrained(DIR)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_NoConfig_ThrowsUnusable()
    {
        var error = Assert.Throws<HubException>(() => HubFileSelection.ModelFolder().Select(Repo, ["model.onnx"]));

        Assert.Contains("no config.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_PatternsMatchingNothing_ThrowsNamingThePatterns()
    {
        var error = Assert.Throws<HubException>(() => HubFileSelection.Matching(["*.safetensors"]).Select(Repo, ["config.json"]));

        Assert.Contains("'*.safetensors'", error.Message, StringComparison.Ordinal);
    }
}
