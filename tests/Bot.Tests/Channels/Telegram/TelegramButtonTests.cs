using Bot.Tests.Fakes;

namespace Bot.Tests.Channels.Telegram;

public class TelegramButtonTests
{
    private static readonly FakeUser An = new(1001, "An");
    private static readonly FakeUser Binh = new(1002, "Bình");

    [Fact]
    public async Task ChoicesBecomeAnInlineKeyboardWithShortIdsAsCallbackData()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chat = host.Api.PrivateChat(An);

        host.Api.Say(An, chat, "/start");

        var menu = await host.Api.NextBotMessageAsync(chat, 0);
        Assert.Contains(menu.Buttons, b => b.Label == "Đợt thi đua hiện tại");
        Assert.All(menu.Buttons, b => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(b.Data!), 1, 64));
    }

    [Fact]
    public async Task APressIsAnsweredTheKeyboardRemovedAndASecondPressOfTheSameButtonExpires()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chat = host.Api.PrivateChat(An);
        host.Api.Say(An, chat, "/start");
        var menu = await host.Api.NextBotMessageAsync(chat, 0);

        var first = host.Api.Press(An, menu, "Đợt thi đua hiện tại");

        Assert.Contains("Hôm nay", (await host.Api.NextBotMessageAsync(chat, 1, "the phase")).Text);
        await host.Api.WaitForAsync(a => a.Answers.Any(x => x.QueryId == first), "the press answered");
        Assert.Null(host.Api.Answers.Single(x => x.QueryId == first).Text);
        await host.Api.WaitForAsync(a => a.Message(chat, menu.Id)!.Buttons.Count == 0, "the pressed keyboard removed");
        Assert.Throws<InvalidOperationException>(() => host.Api.Press(An, menu, "Đợt thi đua hiện tại"));

        // A client that still shows the old keyboard (or a press sent twice) gets a short "expired".
        var second = host.Api.Press(An, menu, "Đợt thi đua hiện tại", evenIfGone: true);

        var answer = await host.Api.WaitForAsync(a => a.Answers.FirstOrDefault(x => x.QueryId == second), "the second press answered");
        Assert.Equal("Nút này đã hết hiệu lực.", answer.Text);
        Assert.Equal(2, host.Api.BotMessagesIn(chat).Count);
    }

    [Fact]
    public async Task InAGroupAnotherMembersPressIsRefusedAndTheOwnersKeyboardStays()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var group = host.Api.Group(-4101, "Tổ 1");
        host.Api.Say(An, group, "/start@UnionTestBot");
        var menu = await host.Api.NextBotMessageAsync(group, 0);

        var intruder = host.Api.Press(Binh, menu, "Đợt thi đua hiện tại");

        var answer = await host.Api.WaitForAsync(a => a.Answers.FirstOrDefault(x => x.QueryId == intruder), "the intruder answered");
        Assert.Equal("Nút này dành cho người khác.", answer.Text);
        Assert.NotEmpty(host.Api.Message(group, menu.Id)!.Buttons);

        host.Api.Press(An, menu, "Đợt thi đua hiện tại");
        var reply = await host.Api.NextBotMessageAsync(group, 1, "the owner's answer");
        Assert.Equal(menu.Id, reply.ReplyTo?.Id);
        Assert.Contains("Hôm nay", reply.Text);
    }

    [Fact]
    public async Task AButtonFromBeforeARestartOfTheFormIsExpired()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chat = host.Api.PrivateChat(An);
        host.Api.Say(An, chat, "/start");
        var oldMenu = await host.Api.NextBotMessageAsync(chat, 0);
        host.Api.Say(An, chat, "/start");
        await host.Api.NextBotMessageAsync(chat, 1, "a newer menu");

        var press = host.Api.Press(An, oldMenu, "Phong trào thi đua");

        var answer = await host.Api.WaitForAsync(a => a.Answers.FirstOrDefault(x => x.QueryId == press), "the stale press answered");
        Assert.Equal("Nút này đã hết hiệu lực.", answer.Text);
        await host.Api.WaitForAsync(a => a.Message(chat, oldMenu.Id)!.Buttons.Count == 0, "the stale keyboard removed");
    }
}
