namespace Orleans.Sentiment.Themes.Tests;

public sealed class WordTokenizerTests
{
    [Fact]
    public void Words_Tweet_DropsHandlesUrlsNumbersEntitiesAndStopWords()
    {
        var words = WordTokenizer.Words("@United my BAG was lost &amp; 3 hours late!! http://t.co/abc www.x.com flight2 #fail can't");

        Assert.Equal(["bag", "lost", "hours", "late", "fail"], words);
    }

    [Fact]
    public void Words_CurlyApostrophe_IsTheStraightOne()
    {
        Assert.Equal(["customer's"], WordTokenizer.Words("customer\u2019s"));
    }
}
