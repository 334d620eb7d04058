using Bot.Faq;

namespace Bot.Tests.Faq;

public class FaqTranscriptTests
{
    [Fact]
    public async Task AQuestionIsAnsweredWithItsSource()
    {
        await using var bot = await TestBot.StartAsync();
        var entry = bot.Services.GetRequiredService<FaqLibrary>().Find("tld-2021-theme")!;
        await bot.Flow().Send("Chủ đề thi đua năm 2021 là gì?")
            .AssertReply(r => r.Text.Contains("Tận dụng cơ hội, vượt mọi khó khăn, nỗ lực phấn đấu") && r.Text.Contains("Nguồn: " + entry.Source.Vi), "the theme and its source");
    }

    [Fact]
    public async Task AQuestionWithoutDiacriticsOrWithAbbreviationsIsUnderstood()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow()
            .Send("dot 2 bat dau khi nao").AssertReply(r => r.Text.Contains("1/7/2021") && r.Text.Contains("Nguồn:"), "phase 2 dates")
            .Send("CĐCS là gì").AssertReply(r => r.Text.Contains("công đoàn cơ sở") && r.Text.Contains("Nguồn:"), "the abbreviation");
    }

    [Fact]
    public async Task DidYouMeanChoiceByButtonIsAnswered()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow.Send("Quảng Trị").AssertReply(r => r.Text.Contains("Có phải bạn muốn hỏi") && r.Reply.Buttons.Count is >= 2 and <= 3, "two or three candidates as buttons");
        var offered = flow.Last!.Reply.Choices[1];
        await flow.Press(offered.Label).AssertReply(r => r.Text.Contains(Answer(bot, offered)) && r.Text.Contains("Nguồn:"), "the chosen answer");
    }

    [Fact]
    public async Task DidYouMeanChoiceByNumberIsAnsweredWhereThereAreNoButtons()
    {
        await using var bot = await TestBot.StartAsync(capabilities: new ChannelCapabilities { Buttons = false });
        var flow = bot.Flow();
        await flow.Send("Quảng Trị").AssertReply(r => r.Text.Contains("Có phải bạn muốn hỏi") && r.Text.Contains("\n1. ") && r.Text.Contains("\n2. "), "numbered candidates");
        var offered = flow.Last!.Reply.Choices[1];
        await flow.Send("2").AssertReply(r => r.Text.Contains(Answer(bot, offered)), "the second candidate's answer");
    }

    [Fact]
    public async Task DidYouMeanChoiceByTypingTheLabelIsAnswered()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow();
        await flow.Send("Quảng Trị").AssertReply("Có phải bạn muốn hỏi");
        var offered = flow.Last!.Reply.Choices[0];
        await flow.Send(offered.Label).AssertReply(r => r.Text.Contains(Answer(bot, offered)), "the typed candidate's answer");
    }

    [Fact]
    public async Task TwoEntriesAlikeOnTopAnswerTheFirstAndOfferTheOtherBesideIt()
    {
        // The two entries score 0.83 and 0.82 for this question: alike within a margin of 0.05.
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Faq:AnswerMargin"] = "0.05" });
        var faq = bot.Services.GetRequiredService<FaqLibrary>();
        var (first, other) = (faq.Find("quang-tri-2021-pledge")!, faq.Find("quang-tri-2021-tasks-grassroots")!);
        var flow = bot.Flow();
        await flow.Send("công đoàn cơ sở Quảng Trị phải ký kết gì")
            .AssertReply(r => r.Text.Contains(Opening(first)) && !r.Text.Contains("Có phải bạn muốn hỏi")
                && r.Reply.Choices.Any(c => c.Label == other.Label.Vi), "the first answer, the other as a choice");
        await flow.Press(other.Label.Vi).AssertReply(r => r.Text.Contains(Opening(other)), "the other entry's answer");
    }

    private static string Opening(FaqItem item) => item.Answer.Vi[..40];

    [Fact]
    public async Task AnOffTopicQuestionIsDeclinedWithWhatTheBotCanHelpWith()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("giá vàng hôm nay bao nhiêu")
            .AssertReply(r => r.Text.Contains("nằm ngoài các kế hoạch thi đua") && !r.Text.Contains("Nguồn:") && r.Reply.Choices.Count > 0, "a polite refusal and the menu");
    }

    [Fact]
    public async Task AskCommandAnswersInAGroupAsAReplyToTheQuestion()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow(chatId: "group-1", chatKind: ChatKind.Group).Send("/hoi đợt 2 bắt đầu khi nào")
            .AssertReply(r => r.Text.Contains("1/7/2021") && r.Reply.ReplyToMessageId is not null, "the answer, replying to the question");
    }

    [Fact]
    public async Task AReplyToTheBotInAGroupIsAnsweredAndOtherChatterIgnored()
    {
        await using var bot = await TestBot.StartAsync();
        var flow = bot.Flow(chatId: "group-2", chatKind: ChatKind.Group);
        await flow.Send("ai ký kế hoạch thi đua 2021").AssertNoReply()
            .Send(() => flow.Template with { Text = "ai ký kế hoạch thi đua 2021", IsReplyToBot = true })
            .AssertReply(r => r.Text.Contains("Nguyễn Đình Khang"), "who signed");
    }

    [Fact]
    public async Task AnEmptyAskCommandExplainsHowWithAnExample()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow(chatId: "group-3", chatKind: ChatKind.Group).Send("/hoi").AssertReply("/hoi Chủ đề thi đua năm 2021 là gì?");
        await bot.Flow(language: "en").Send("/ask   ").AssertReply("/ask What is the emulation theme for 2021?");
    }

    [Fact]
    public async Task EnglishSpeakersGetTheEnglishAnswerAndSource()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow(language: "en").Send("ai ký kế hoạch thi đua 2021")
            .AssertReply(r => r.Text.Contains("Nguyễn Đình Khang signed") && r.Text.Contains("Source:"), "the English answer");
    }

    [Fact]
    public async Task WhenNoEntryFitsThePlanTextIsQuotedAndCited()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("Cán bộ công chức viên chức tỉnh Lai Châu thi đua thực hiện văn hóa công sở")
            .AssertReply(r => r.Text.Contains("Trích Văn bản phát động số 13/PĐTD-LĐLĐ") && r.Text.Contains("văn hóa công sở") && r.Text.Contains("Nguồn:"), "a quoted, cited passage");
    }

    [Fact]
    public async Task ARegistrationIsLeftToThePledgeFeature()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("đăng ký LĐTT").AssertReply(r => !r.Text.Contains("Nguồn:") && !r.Text.Contains("ngoài nội dung"), "not an FAQ answer");
    }

    [Fact]
    public async Task AChoiceForAnItemThatNoLongerExistsSaysSo()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/hoi #no-such-entry").AssertReply("không còn trong nội dung hiện tại");
    }

    [Theory]
    [InlineData("đăng ký LĐTT", true)]
    [InlineData("dang ky chien si thi dua co so", true)]
    [InlineData("dk lao dong tien tien", true)]
    [InlineData("Đăng ký thi đua là gì?", false)]
    [InlineData("đăng ký thi đua như thế nào", false)]
    [InlineData("làm sao để đăng ký thi đua", false)]
    [InlineData("chủ đề thi đua 2021", false)]
    public void RegistrationLikeTextIsRecognised(string text, bool registration) =>
        Assert.Equal(registration, FaqTextHandler.LooksLikeRegistration(text));

    private static string Answer(TestBot bot, Choice offered)
    {
        var id = offered.Value["/hoi #".Length..];
        return bot.Services.GetRequiredService<FaqLibrary>().Find(id)!.Answer.Vi; // the test channel is plain text
    }
}
