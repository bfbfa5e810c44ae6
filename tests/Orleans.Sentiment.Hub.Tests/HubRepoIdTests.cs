namespace Orleans.Sentiment.Hub.Tests;

public sealed class HubRepoIdTests
{
    [Theory]
    [InlineData("distilbert/distilbert-base-uncased-finetuned-sst-2-english", "models--distilbert--distilbert-base-uncased-finetuned-sst-2-english")]
    [InlineData("gpt2", "models--gpt2")]
    [InlineData("Xenova/bert_base.v1", "models--Xenova--bert_base.v1")]
    public void CacheFolderName_ValidId_MatchesHuggingFaceHub(string id, string folder) =>
        Assert.Equal(folder, HubRepoId.Parse(id).CacheFolderName);

    [Theory]
    [InlineData("")]
    [InlineData("a/b/c")]
    [InlineData("/abs")]
    [InlineData("org/na me")]
    [InlineData("org/a--b")]
    [InlineData("org/..")]
    [InlineData("-org/name")]
    public void TryParse_InvalidId_ReturnsFalse(string id) => Assert.False(HubRepoId.TryParse(id, out _));
}
