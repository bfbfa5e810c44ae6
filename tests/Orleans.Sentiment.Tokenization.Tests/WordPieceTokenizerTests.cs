using Orleans.Sentiment.Inference.Tokenization;

namespace Orleans.Sentiment.Tokenization.Tests;

/// <summary>WordPiece behaviour on a small hand-written vocabulary (no shared data needed).</summary>
public sealed class WordPieceTokenizerTests : IDisposable
{
    private static readonly string[] Vocabulary =
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world", "##s", "un", "##believ", "##able", ",", "!", "a", "b", "c", "😀", "##😀"];

    private readonly TemporaryFolder _folder = new();
    private readonly ITextTokenizer _tokenizer;

    public WordPieceTokenizerTests()
    {
        _folder.Write("vocab.txt", string.Join("\n", Vocabulary) + "\n");
        _folder.Write("tokenizer_config.json", """{"do_lower_case": true, "model_max_length": 64}""");
        _tokenizer = TokenizerLoader.Load(_folder.Path);
    }

    public void Dispose() => _folder.Dispose();

    private static int Id(string token) => Array.IndexOf(Vocabulary, token);

    [Fact]
    public void Encode_WordsAndPunctuation_SplitsGreedilyLongestFirst()
    {
        var ids = _tokenizer.Encode("Hello WORLDS, unbelievable!");

        Assert.Equal(
            new[] { "[CLS]", "hello", "world", "##s", ",", "un", "##believ", "##able", "!", "[SEP]" }.Select(Id),
            ids);
    }

    [Fact]
    public void Encode_WordWithAMissingPiece_IsOneUnknownToken()
    {
        Assert.Equal([Id("[CLS]"), Id("hello"), Id("[UNK]"), Id("[SEP]")], _tokenizer.Encode("hello worldz"));
    }

    [Fact]
    public void Encode_WordOver100Characters_IsOneUnknownToken()
    {
        Assert.Equal([Id("[CLS]"), Id("[UNK]"), Id("[SEP]")], _tokenizer.Encode(string.Concat(Enumerable.Repeat("hello", 21))));
    }

    [Fact]
    public void Encode_EmojiWordOf60Characters_CountsCharactersNotUtf16Units()
    {
        // 60 emoji are 120 UTF-16 units but 60 characters: under the 100-character limit, as in Hugging Face.
        var ids = _tokenizer.Encode(string.Concat(Enumerable.Repeat("😀", 60)));

        Assert.Equal(62, ids.Length);
        Assert.Equal(Id("😀"), ids[1]);
        Assert.All(ids[2..^1], id => Assert.Equal(Id("##😀"), id));
    }

    [Fact]
    public void Encode_SpecialTokenTypedInText_BecomesItsId()
    {
        Assert.Equal(
            [Id("[CLS]"), Id("hello"), Id("[SEP]"), Id("world"), Id("[MASK]"), Id("[SEP]")],
            _tokenizer.Encode("hello [SEP] world[MASK]"));
    }

    [Fact]
    public void Encode_MaxLength_TruncatesContentAndKeepsClosingSeparator()
    {
        var ids = _tokenizer.Encode("a b c a b c", maxLength: 4);

        Assert.Equal([Id("[CLS]"), Id("a"), Id("b"), Id("[SEP]")], ids);
    }

    [Fact]
    public void Encode_MaxLengthLongerThanText_ChangesNothing()
    {
        Assert.Equal(_tokenizer.Encode("a b c"), _tokenizer.Encode("a b c", maxLength: 50));
    }

    [Fact]
    public void Encode_MaxLengthBelowSpecialTokenCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _tokenizer.Encode("a b c", maxLength: 1));
    }

    [Fact]
    public void Load_TokenizerConfig_SetsModelMaxLengthAndPadId()
    {
        Assert.Equal(64, _tokenizer.ModelMaxLength);
        Assert.Equal(Id("[PAD]"), _tokenizer.PadTokenId);
    }

    [Fact]
    public void EncodeBatch_TextsOfDifferentLengths_PadsToLongestWithMask()
    {
        var batch = _tokenizer.EncodeBatch(["hello", "hello world !"]);

        Assert.Equal(5, batch.SequenceLength);
        Assert.Equal(new long[] { Id("[CLS]"), Id("hello"), Id("[SEP]"), Id("[PAD]"), Id("[PAD]") }, batch.InputIds[..5]);
        Assert.Equal(new long[] { 1, 1, 1, 0, 0, 1, 1, 1, 1, 1 }, batch.AttentionMask);
    }

    [Fact]
    public void EncodeBatch_MaxLength_TruncatesEachTextThenPadsToLongest()
    {
        var batch = _tokenizer.EncodeBatch(["a b c a b c", "a"], maxLength: 4);

        Assert.Equal(4, batch.SequenceLength);
        Assert.Equal(
            new long[] { Id("[CLS]"), Id("a"), Id("b"), Id("[SEP]"), Id("[CLS]"), Id("a"), Id("[SEP]"), Id("[PAD]") },
            batch.InputIds);
        Assert.Equal(new long[] { 1, 1, 1, 1, 1, 1, 1, 0 }, batch.AttentionMask);
    }
}
