using Bot.Builder.Recognizers;
using Bot.Faq;

namespace Bot.Tests.Faq;

/// <summary>Phone typing: held keys, Telex leftovers, joined syllables and one wrong letter reach the right words.</summary>
public class WordRepairTests
{
    [Theory]
    [InlineData("đợtttt 2 bắt đầu khi nào", "dot 2")]
    [InlineData("thif ddua 2021 chur ddeef laf gif", "thi dua")]
    [InlineData("chu de thidua nam 2021", "thi dua")]
    [InlineData("tỉnh lai châu phát đọng thj đua mấy năm v", "thi dua")]
    public void MistypedWordsAreRepairedBeforeSearching(string question, string expected)
    {
        var words = string.Join(' ', FaqTestContent.Index.SearchedWords(question));
        Assert.Contains(expected, words, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("đợtttt 2 bắt đầu khi nào", "1/7/2021")]
    [InlineData("chu de thi dua nam 2021 la j z ad", "Tận dụng cơ hội")]
    [InlineData("van hoa cong so la pt j z", "văn hóa công sở")]
    [InlineData("tỉnh lai châu phát đọng thj đua mấy năm v", "2020")]
    [InlineData("k bít lđg lđst là j ad giải thích giúp e vs", "Lao động giỏi")]
    public async Task ChatStyleQuestionsAreAnswered(string question, string expected)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send(question).AssertReply(r => VietnameseText.Fold(r.Text).Contains(VietnameseText.Fold(expected), StringComparison.Ordinal) && r.Text.Contains("Nguồn:"), expected);
    }

    [Theory]
    [InlineData("thif", "thi")]
    [InlineData("okkk", "ok")]
    [InlineData("dduwowcj", "duoc")]
    public void SpellingsLetGoOfHeldKeysAndTelex(string typed, string meant) =>
        Assert.Contains(meant, WordRepair.Spellings(typed));
}
