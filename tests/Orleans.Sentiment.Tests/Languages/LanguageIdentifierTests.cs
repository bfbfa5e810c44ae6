using Orleans.Sentiment.Grains.Languages;
using Orleans.Sentiment.Languages;

namespace Orleans.Sentiment.Tests.Languages;

public sealed class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier Identifier = new(LanguageOptions.DefaultCandidates, lowAccuracy: false);

    [Theory]
    [InlineData("The checkout crashed twice and I lost my order", "en")]
    [InlineData("La aplicación se cierra cada vez que intento pagar", "es")]
    [InlineData("Die App stürzt beim Bezahlen immer ab", "de")]
    [InlineData("Le service client ne répond jamais", "fr")]
    [InlineData("O aplicativo trava quando tento pagar", "pt")]
    [InlineData("L'app si blocca ogni volta che provo a pagare", "it")]
    [InlineData("التطبيق يتوقف عند الدفع", "ar")]
    [InlineData("支払いのときにアプリが落ちます", "ja")]
    [InlineData("यह ऐप बहुत धीमा है", "hi")]
    [InlineData("yeh app bahut slow hai yaar, kuch karo", "hi")]
    [InlineData("bhai bt nhi krna ab", "hi")]
    public void Identify_ShortFeedback_NamesItsLanguage(string text, string expected)
    {
        var guess = Identifier.Identify(text);

        Assert.NotNull(guess);
        Assert.Equal(expected, guess.Value.Code);
        Assert.InRange(guess.Value.Confidence, 0.2, 1.0);
    }

    [Theory]
    [InlineData("😡😡😡")]
    [InlineData("12345 !!!")]
    [InlineData("@acme_support https://example.com/x")]
    [InlineData("")]
    [InlineData("fine")]
    [InlineData("broken app")]
    [InlineData("terrible")]
    public void Identify_NoWordsOrAShortTextOfDoubtfulLanguage_IsUnknown(string text) => Assert.Null(Identifier.Identify(text));

    [Fact]
    public void Identify_HandlesLinksAndRetweetMarks_AreLeftOut()
    {
        // The handle and link are English-looking noise; the words are Spanish.
        var guess = Identifier.Identify("RT @delta_airlines_help: el vuelo se retrasó otra vez https://t.co/abc #delta");

        Assert.Equal("es", guess?.Code);
        var words = LanguageIdentifier.Words("RT @delta_airlines_help: el vuelo se retrasó otra vez https://t.co/abc #delta");
        Assert.DoesNotContain("RT", words, StringComparison.Ordinal);
        Assert.DoesNotContain("@", words, StringComparison.Ordinal);
        Assert.DoesNotContain("http", words, StringComparison.Ordinal);
        Assert.DoesNotContain("#", words, StringComparison.Ordinal);
        Assert.EndsWith("el vuelo se retrasó otra vez delta", words, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_LongText_IsCutAtASpaceWithinTheLimit()
    {
        var words = LanguageIdentifier.Words(string.Join(' ', Enumerable.Repeat("refund", 500)));

        Assert.True(words.Length <= LanguageIdentifier.MaxChars);
        Assert.EndsWith("refund", words, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("merci beaucoup", "fr")]
    [InlineData("schlecht", "de")]
    [InlineData("obrigado", "pt")]
    [InlineData("awesome service", "en")]
    public void Identify_ShortTextOfClearLanguage_NamesIt(string text, string expected) => Assert.Equal(expected, Identifier.Identify(text)?.Code);

    [Theory]
    [InlineData("Pedi o reembolso mas nada aconteceu ainda", "pt")]
    [InlineData("I told her to go home, she is not the one", "en")]
    public void Identify_OtherLanguagesSharingAFewHindiWords_AreNotTakenForHindi(string text, string expected) =>
        Assert.Equal(expected, Identifier.Identify(text)?.Code);
}
