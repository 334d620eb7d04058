using Bot.Content;
using Bot.Faq;

namespace Bot.Tests.Faq;

/// <summary>Which side of the index a question goes to, and the glossary bridge from English to the plans' words.</summary>
public class QuestionLanguageTests
{
    [Theory]
    [InlineData("When does phase 2 start?", Languages.English)]
    [InlineData("phase 2 dates in quang tri", Languages.English)]
    [InlineData("who signed", Languages.English)]
    [InlineData("dot 2 bat dau khi nao", Languages.Vietnamese)]
    [InlineData("ai ky ke hoach", Languages.Vietnamese)]
    [InlineData("Đợt 2 bắt đầu khi nào?", Languages.Vietnamese)]
    [InlineData("who is Nguyễn Đình Khang", Languages.English)]
    // A quoted Vietnamese name does not make an English question Vietnamese; an apostrophe is not a quote.
    [InlineData("what did the union do under 'Ca nuoc chung tay vi nguoi ngheo'", Languages.English)]
    [InlineData("what's in the plan of 'Lao dong gioi, lao dong sang tao'", Languages.English)]
    [InlineData("“Xanh sạch đẹp” là phong trào gì", Languages.Vietnamese)]
    [InlineData("what is the 'dual goal' (muc tieu kep) exactly", Languages.English)]
    public void AQuestionGoesToTheSideOfItsLanguage(string question, string language) =>
        Assert.Equal(language, FaqTestContent.Engine.LanguageOf(question));

    [Fact]
    public void TheGlossaryPutsEnglishWordsIntoThePlansWordsAndKeepsUnknownOnes()
    {
        var glossary = new GlossaryTranslator(FaqTestContent.Catalog.Glossary, FaqTestContent.Catalog.English.StopWords);
        var translated = glossary.Translate("who signed the phase plan for bananas");
        Assert.Contains("ký", translated, StringComparison.Ordinal);
        Assert.Contains("đợt", translated, StringComparison.Ordinal);
        Assert.Contains("bananas", translated, StringComparison.Ordinal); // unknown to both: keeps an off-topic question low
        Assert.DoesNotContain(" the ", $" {translated} ", StringComparison.Ordinal);
    }
}
