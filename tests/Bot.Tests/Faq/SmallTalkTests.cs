namespace Bot.Tests.Faq;

/// <summary>Greetings, thanks and control words typed outside a form: a short answer and the menu, never a plan answer.</summary>
public class SmallTalkTests
{
    [Theory]
    [InlineData("xin chào", "Xin chào! Tôi là trợ lý thi đua")]
    [InlineData("chào ad ạ", "Xin chào! Tôi là trợ lý thi đua")]
    [InlineData("hiii", "Xin chào! Tôi là trợ lý thi đua")]
    [InlineData("cảm ơn", "Không có gì ạ")]
    [InlineData("cam on ad nhieu nha", "Không có gì ạ")]
    [InlineData("ok cảm ơn bạn", "Không có gì ạ")]
    [InlineData("ok", "Vâng. Khi cần")]
    [InlineData("okkk", "Vâng. Khi cần")]
    [InlineData("dạ vâng", "Vâng. Khi cần")]
    [InlineData("bye", "hẹn gặp lại")]
    [InlineData("huỷ", "không có việc gì đang dở để huỷ")]
    [InlineData("thôi", "không có việc gì đang dở để huỷ")]
    [InlineData("quay lại", "không có biểu mẫu nào đang điền")]
    // about the bot's own life: "người yêu" is not "yêu nước"
    [InlineData("bot có người yêu chưa", "không có chuyện riêng")]
    [InlineData("ad bao nhiêu tuổi rồi", "không có chuyện riêng")]
    public async Task SmallTalkGetsAShortAnswerAndTheMenu(string text, string expected)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send(text)
            .AssertReply(r => r.Text.Contains(expected, StringComparison.OrdinalIgnoreCase) && !r.Text.Contains("Nguồn:") && r.Reply.Choices.Count > 0, "small talk and the menu");
    }

    [Theory]
    [InlineData("bot làm được gì")]
    [InlineData("bạn là ai vậy")]
    [InlineData("what can you do")]
    [InlineData("bot lam dc j v ad")]   // chat shorthand: "dc" = được, "j" = gì
    public async Task QuestionsAboutTheBotAreAnsweredWithItsCommands(string text)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send(text).AssertReply(r => r.Text.Contains("/dangky") && r.Text.Contains("/cuatoi") && r.Text.Contains("/hoi"), "the commands");
    }

    [Fact]
    public async Task SmallTalkIsInTheMembersLanguage()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow(language: "en").Send("thanks").AssertReply(r => r.Text.Contains("You're welcome"), "thanks in English");
    }

    [Fact]
    public async Task AGreetingFollowedByAQuestionIsAnsweredAsTheQuestion()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("chào ad, đợt 2 bắt đầu khi nào").AssertReply(r => r.Text.Contains("1/7/2021") && r.Text.Contains("Nguồn:"), "phase 2 dates");
    }

    [Fact]
    public async Task CancelInsideAFormStillCancelsTheForm()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/dangky").AssertReply(r => r.Text.Length > 0, "the form's first question")
            .Send("huỷ").AssertReply("Đã huỷ");
    }
}

public class SmallTalkRecognitionTests
{
    private static readonly Bot.Faq.SmallTalk SmallTalk = new(FaqTestContent.Catalog.SmallTalk);

    [Theory]
    [InlineData("bot làm được gì", "about")]
    [InlineData("what can you do", "about")]
    [InlineData("ok cảm ơn", "thanks")]
    [InlineData("Chào bạn!!", "greeting")]
    [InlineData("👍", "ok")]
    [InlineData("ok đợt 2 bắt đầu khi nào", null)]
    [InlineData("cảm ơn, còn đợt 1 thì sao", null)]
    public void OnlyWholeMessagesOfSmallTalkAreRecognised(string text, string? intent) =>
        Assert.Equal(intent, SmallTalk.Recognize(text)?.Name);
}
