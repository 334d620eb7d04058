using Bot.Tests.Channels.Zalo.Fakes;

namespace Bot.Tests.Channels.Zalo;

public class ZaloGroupTests
{
    private const string Group = "a1b2c3d4e5f6a7b8c9d0";
    private const string Bot = "@" + FakeZaloApi.BotDisplayName;

    [Fact]
    public async Task ACommandAfterTheBotsMentionIsAnsweredInTheGroup()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        var replies = await zalo.DeliverAsync(ZaloFixtures.Event("text-group.json"), Group);
        Assert.Contains("Hôm nay (24/11/2026)", Assert.Single(replies));
        Assert.Empty(zalo.Api.SentTo("6ede9afa66b88fe6d6a9"));
    }

    [Fact]
    public async Task FreeTextMentioningTheBotIsAnsweredNotIgnored()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        var reply = Assert.Single(await zalo.SayAsync($"{Bot} bạn làm được gì?", chatId: Group, group: true));
        Assert.Contains("/dangky", reply); // "what can you do" is answered with the bot's commands (issue 11, item 6)
    }

    [Fact]
    public async Task ANumberAnswersTheMenuInTheGroupToo()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        Assert.Contains("\n2. Đợt thi đua hiện tại", Assert.Single(await zalo.SayAsync($"{Bot} /start", chatId: Group, group: true)));
        Assert.Contains("Hôm nay (24/11/2026)", Assert.Single(await zalo.SayAsync($"{Bot} 2", chatId: Group, group: true)));
    }

    [Fact]
    public async Task ALongAnswerGoesToTheMembersPrivateChatWithANoteInTheGroup()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        await zalo.SayAsync("/start", userId: "lan", name: "Lan");
        var inGroup = await zalo.SayAsync($"{Bot} /dai", userId: "lan", chatId: Group, group: true, name: "Lan");
        Assert.Contains("Lan ơi, câu trả lời khá dài nên tôi đã gửi vào tin nhắn riêng", Assert.Single(inGroup));
        Assert.Equal(LongAnswerCommand.Text, string.Join("\n\n", zalo.Api.SentTo("lan").Skip(1)));
    }

    [Fact]
    public async Task ALongAnswerForAMemberWhoNeverWroteToTheBotIsSummarisedWithAnInvitation()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        var reply = Assert.Single(await zalo.SayAsync($"{Bot} /dai", userId: "binh", chatId: Group, group: true, name: "Bình"));
        Assert.StartsWith("Đoạn 01:", reply);
        Assert.Contains("Bình ơi, câu trả lời đầy đủ quá dài", reply);
        Assert.InRange(reply.Length, 1, 2000);
        Assert.Empty(zalo.Api.SentTo("binh"));
    }

    [Fact]
    public async Task ALongAnswerFallsBackToTheSummaryWhenThePrivateChatFails()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        await zalo.SayAsync("/start", userId: "lan", name: "Lan");
        zalo.Api.Fail("sendMessage", 404, "Not Found: chat");
        var reply = Assert.Single(await zalo.SayAsync($"{Bot} /dai", userId: "lan", chatId: Group, group: true, name: "Lan"));
        Assert.Contains("câu trả lời đầy đủ quá dài", reply);
    }

    [Fact]
    public async Task TheMovementsAskedForInAGroupArriveInFullInThePrivateChat()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        await zalo.SayAsync("/start", userId: "lan", name: "Lan");
        Assert.Contains("tin nhắn riêng", Assert.Single(await zalo.SayAsync($"{Bot} /phongtrao", userId: "lan", chatId: Group, group: true, name: "Lan")));
        var privately = string.Join("\n", zalo.Api.SentTo("lan").Skip(1));
        Assert.Contains("Lao động giỏi, Lao động sáng tạo", privately);
        Assert.Contains("Nguồn:", privately);
    }
}
