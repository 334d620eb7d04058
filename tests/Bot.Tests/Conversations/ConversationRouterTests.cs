using Bot.Conversations;

namespace Bot.Tests.Conversations;

public class ConversationRouterTests
{
    /// <summary>Claims every text; registered after every feature's handler.</summary>
    private sealed class Catcher(int order) : ITextHandler
    {
        public int Order => order;

        public async Task<bool> TryHandleAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
        {
            await turn.SendAsync($"caught {text}", cancellationToken);
            return true;
        }
    }

    [Theory]
    [InlineData(TextHandlerOrder.QuickRegistration - 1, "caught xin chào")]
    [InlineData(TextHandlerOrder.Faq + 1, "Xin chào")]
    public async Task FreeTextIsTriedInTheDeclaredOrderNotInRegistrationOrder(int order, string expected)
    {
        await using var bot = await TestBot.StartAsync(services: s => s.AddSingleton<ITextHandler>(new Catcher(order)));
        await bot.Flow().Send("xin chào").AssertReply(expected);
    }

    [Theory]
    [InlineData("/huy")]
    [InlineData("/cancel")]
    public async Task ACancelCommandWithNoFormOpenSaysThereIsNothingToCancel(string command)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send(command).AssertReply(TestBot.Text("smalltalk.cancel"));
    }

    [Fact]
    public async Task AnUnknownCommandIsStillNamedAsUnknown()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/khongco").AssertReply("/khongco");
    }

    [Fact]
    public async Task StartGreetsByNameAndShowsTheMenu()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow(userName: "Trần Thị Bình").Send("/start")
            .AssertReply(r => r.Text.Contains("Trần Thị Bình") && r.Reply.Buttons.Count >= 3, "a greeting with menu buttons");
    }

    [Fact]
    public async Task HelpListsWhatTheBotCanDo()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/trogiup").AssertReply(r => r.Text.Contains("/phongtrao") && r.Text.Contains("/dot"), "the command list");
    }

    [Fact]
    public async Task OfficersAlsoSeeTheirCommandsInHelp()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow(userId: "officer").Send("/help").AssertReply("/phongtrao").AssertReply("/xuat");
    }

    [Fact]
    public async Task AMenuButtonRunsItsCommand()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/start").AssertReply("Xin chào").Press("Đợt thi đua hiện tại").AssertReply("Hôm nay");
    }

    [Fact]
    public async Task TypingTheMenuNumberRunsItsCommandWhereThereAreNoButtons()
    {
        await using var bot = await TestBot.StartAsync(capabilities: new ChannelCapabilities { Buttons = false });
        await bot.Flow().Send("/start").AssertReply("1. Phong trào thi đua").Send("2").AssertReply("Hôm nay");
    }

    [Fact]
    public async Task AQuestionWithANumberAfterTheMenuIsAQuestionNotAMenuPick()
    {
        await using var bot = await TestBot.StartAsync(capabilities: new ChannelCapabilities { Buttons = false });
        await bot.Flow().Send("/start").AssertReply("1. Phong trào thi đua")
            .Send("đợt 2").AssertReplies(r => !r[0].Text.StartsWith("Hôm nay (24/11/2026)", StringComparison.Ordinal), "not the second menu item (/dot)");
    }

    [Fact]
    public async Task AnUnknownCommandIsNamedAndTheMenuShown()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/xyz").AssertReply(r => r.Text.Contains("/xyz") && r.Reply.Choices.Count > 0, "the menu");
    }

    [Theory]
    [InlineData("\u0001\u0002")]
    [InlineData("   ")]
    public async Task EmptyOrControlCharacterInputGetsAPoliteAnswer(string text)
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send(text).AssertReply(r => r.Text.Length > 10, "a polite answer");
    }

    [Fact]
    public async Task StickersAndPhotosGetAskedForText()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send(() => new Activity { Channel = "test", ChatId = "u1", UserId = "u1", Kind = ActivityKind.Unsupported })
            .AssertReply("chữ");
    }

    [Fact]
    public async Task PlainGroupTextNotAddressedToTheBotIsIgnored()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow(chatId: "g1", chatKind: ChatKind.Group).Send("chào mọi người").AssertNoReply()
            .Send("/dot").AssertReply("Hôm nay");
    }

    [Fact]
    public async Task TheLanguageCanBeSwitchedToEnglishAndBack()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/ngonngu").AssertReply(TestBot.TextIn("en", "core.language-set"))
            .Send("/dot").AssertReply("Today")
            .Send("/language vi").AssertReply("tiếng Việt");
    }
}
