using System.Text.Json.Nodes;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Tests.ModelFolders;

namespace Orleans.Sentiment.Modeling.Tests.Synthetic;

public sealed class TokenizerFilesTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Write_WithTokenizerFolder_CopiesFilesAndTakesTheVocabularySizeFromThem()
    {
        var tokenizer = Directory.CreateDirectory(_folder.Combine("tokenizer")).FullName;
        var vocabulary = GeneratedVocabulary.Create(333);
        File.WriteAllLines(Path.Combine(tokenizer, "vocab.txt"), vocabulary);
        File.WriteAllText(Path.Combine(tokenizer, "tokenizer_config.json"), """{"do_lower_case": false, "model_max_length": 512}""");
        File.SetAttributes(Path.Combine(tokenizer, "vocab.txt"), FileAttributes.ReadOnly);

        var weights = SyntheticModelWriter.Write(_folder.Combine("model"), new SyntheticModelRequest(TinyShapes.For(TransformerFamily.DistilBert), ["a", "b"], tokenizer));

        Assert.Equal(333, weights.Shape.VocabSize);
        Assert.Equal(vocabulary, File.ReadAllLines(_folder.Combine("model", "vocab.txt")));
        var config = JsonNode.Parse(File.ReadAllText(_folder.Combine("model", "tokenizer_config.json")))!;
        Assert.False((bool)config["do_lower_case"]!);
        Assert.Equal("[PAD]", (string?)config["pad_token"]);
        Assert.Equal("DistilBertTokenizer", (string?)config["tokenizer_class"]);
        Assert.Equal(333, (int)JsonNode.Parse(File.ReadAllText(_folder.Combine("model", "config.json")))!["vocab_size"]!);
    }

    [Fact]
    public void VocabularySize_TokenizerJsonWithAddedTokens_CountsTheHighestId()
    {
        File.WriteAllText(_folder.Combine("tokenizer.json"), """
            { "model": { "type": "BPE", "vocab": { "<s>": 0, "<pad>": 1, "a": 2 } },
              "added_tokens": [ { "id": 9, "content": "<mask>" } ] }
            """);

        Assert.Equal(10, TokenizerFiles.VocabularySize(_folder.Path));
    }

    [Fact]
    public void Write_RobertaWithoutTokenizer_ThrowsNamingTheTokenizer()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SyntheticModelWriter.Write(_folder.Combine("model"), new SyntheticModelRequest(TinyShapes.For(TransformerFamily.Roberta), ["a", "b"])));

        Assert.Contains("tokenizer", error.Message);
    }
}
