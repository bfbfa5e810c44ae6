using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Tokenization;

namespace Orleans.Sentiment.Tokenization.Tests;

/// <summary>Which files the loader reads, and the errors that name what is wrong.</summary>
public sealed class TokenizerLoaderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_FolderWithoutTokenizerFiles_ThrowsNamingTheFilesLookedFor()
    {
        _folder.Write("config.json", "{}");

        var error = Assert.Throws<ModelFolderException>(() => TokenizerLoader.Load(_folder.Path));

        Assert.Contains("tokenizer.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("vocab.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("merges.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsModelFolderException()
    {
        Assert.Throws<ModelFolderException>(() => TokenizerLoader.Load(Path.Combine(_folder.Path, "absent")));
    }

    [Fact]
    public void Load_UnknownModelType_ThrowsNamingTokenizerJsonAndType()
    {
        var path = _folder.Write("tokenizer.json", """{"model": {"type": "Unigram", "vocab": [["a", 0.0]]}}""");

        var error = Assert.Throws<ModelFolderException>(() => TokenizerLoader.Load(_folder.Path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("Unigram", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnsupportedNormalizer_ThrowsNamingIt()
    {
        _folder.Write("tokenizer.json", """{"normalizer": {"type": "NFKC"}, "pre_tokenizer": {"type": "BertPreTokenizer"}, "model": {"type": "WordPiece", "vocab": {"[UNK]": 0}}}""");

        var error = Assert.Throws<ModelFolderException>(() => TokenizerLoader.Load(_folder.Path));

        Assert.Contains("NFKC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_VocabJsonWithoutMerges_ThrowsNamingMergesTxt()
    {
        _folder.Write("vocab.json", """{"a": 0}""");

        var error = Assert.Throws<ModelFolderException>(() => TokenizerLoader.Load(_folder.Path));

        Assert.Contains("merges.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidTokenizerJson_ThrowsNamingTheFile()
    {
        var path = _folder.Write("tokenizer.json", "{ not json");

        var error = Assert.Throws<ModelFolderException>(() => TokenizerLoader.Load(_folder.Path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WordPieceVocabularyWithoutUnknownToken_ThrowsNamingIt()
    {
        _folder.Write("vocab.txt", "[PAD]\n[CLS]\n[SEP]\nhello\n");

        var error = Assert.Throws<ModelFolderException>(() => TokenizerLoader.Load(_folder.Path));

        Assert.Contains("[UNK]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoModelMaxLength_UsesRobertaPositionsLessTheirPaddingOffset()
    {
        _folder.Write("config.json", """{"model_type": "roberta", "max_position_embeddings": 514}""");
        _folder.Write("vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n");

        Assert.Equal(512, TokenizerLoader.Load(_folder.Path).ModelMaxLength);
    }
}
