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
        var path = _folder.Write("tokenizer.json", """{"model": {"type": "WordLevel", "vocab": {"a": 0}}}""");

        var error = Assert.Throws<ModelFolderException>(() => TokenizerLoader.Load(_folder.Path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("WordLevel", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type": "Whitespace"}""", "null", "pre_tokenizer", "Whitespace")]
    [InlineData("""{"type": "Metaspace", "replacement": "▁"}""", """{"type": "Sequence", "normalizers": [{"type": "BertNormalizer"}]}""", "normalizer", "BertNormalizer")]
    [InlineData("""{"type": "Metaspace", "replacement": "▁", "prepend_scheme": "sometimes"}""", "null", "prepend_scheme", "sometimes")]
    [InlineData("null", "null", "pre_tokenizer", "none")]
    public void Load_UnigramWithUnsupportedComponent_ThrowsNamingFileAndComponent(string preTokenizer, string normalizer, string component, string value)
    {
        var path = _folder.Write("tokenizer.json", $$$"""{"normalizer": {{{normalizer}}}, "pre_tokenizer": {{{preTokenizer}}}, "model": {"type": "Unigram", "unk_id": 0, "vocab": [["<unk>", 0.0], ["a", -1.0]]}}""");

        var error = Assert.Throws<ModelFolderException>(() => TokenizerLoader.Load(_folder.Path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(component, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"not base64!\"", "not base64")]
    [InlineData("\"AAAA\"", "not a sentencepiece charsmap")]
    public void Load_UnigramWithBrokenCharsmap_ThrowsNamingIt(string charsmap, string reason)
    {
        var path = _folder.Write("tokenizer.json", $$$"""{"normalizer": {"type": "Precompiled", "precompiled_charsmap": {{{charsmap}}}}, "pre_tokenizer": {"type": "Metaspace"}, "model": {"type": "Unigram", "unk_id": 0, "vocab": [["<unk>", 0.0]]}}""");

        var error = Assert.Throws<ModelFolderException>(() => TokenizerLoader.Load(_folder.Path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnigramWithoutUnknownId_ThrowsNamingIt()
    {
        _folder.Write("tokenizer.json", """{"pre_tokenizer": {"type": "Metaspace"}, "model": {"type": "Unigram", "vocab": [["a", 0.0]]}}""");

        var error = Assert.Throws<ModelFolderException>(() => TokenizerLoader.Load(_folder.Path));

        Assert.Contains("unk_id", error.Message, StringComparison.Ordinal);
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
