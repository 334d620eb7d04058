using Bot.Audience;
using Bot.Broadcasts;
using Bot.Broadcasts.Outbox;
using Bot.Pacing;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Broadcasts.BroadcastHarness;

namespace Bot.Tests.Broadcasts;

public class DeliveryFailureTests
{
    private const string Text = "Họp công đoàn lúc 14:00";

    [Fact]
    public async Task A429PausesAllSendingRepliesIncludedThenTheSameMessageIsRetried()
    {
        var time = new FakeTimeProvider(TestBot.DefaultNow);
        await using var bot = await StartAsync(time: time);
        bot.Seed(members: 5);
        bot.Channel().Fail("m3", ScriptedConnector.RateLimited(30));
        await bot.BroadcastAsync(Text);
        await UntilAsync(() => bot.Channel().Attempts.Count(a => a.ChatId == "m3") == 1, "the 429 for m3");

        var replying = Task.Run(async () => await bot.Flow("asker").Send("/trogiup"));
        // Real time passes while the bot's clock stands still: nothing may go out during the pause. Sending is
        // paused, so there is no idle state to wait for; a short while is enough for a reply that does not wait.
        await Task.Delay(50);
        Assert.Empty(bot.Connector.To("m3"));
        Assert.Empty(bot.Connector.To("m4"));
        Assert.Empty(bot.Connector.To("asker")); // the limit is per bot: a reply waits too
        Assert.Equal(time.GetUtcNow().AddSeconds(30), bot.Services.GetRequiredService<SendPacer>().PausedUntil("test"));

        time.Advance(TimeSpan.FromSeconds(30));
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish");
        await replying.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.All(new[] { "m1", "m2", "m3", "m4", "m5" }, m => Assert.Single(bot.Connector.To(m), r => r.Text.Contains(Text)));
        Assert.Equal(2, bot.Channel().Attempts.Count(a => a.ChatId == "m3"));
        Assert.Contains(bot.Connector.To("asker"), r => r.Text.Contains("Tôi có thể giúp"));
    }

    [Fact]
    public async Task Repeated429sNeverFailARowItGoesOutOnceTheyStop()
    {
        var time = new FakeTimeProvider(TestBot.DefaultNow);
        await using var bot = await StartAsync(time: time);
        bot.Seed(members: 3);
        bot.Channel().Fail("m2", [.. Enumerable.Range(0, 6).Select(_ => ScriptedConnector.RateLimited(1))]);
        await bot.BroadcastAsync(Text);
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish", time, TimeSpan.FromMilliseconds(500));
        Assert.Single(bot.Connector.To("m2"), r => r.Text.Contains(Text));
        Assert.Equal(7, bot.Channel().Attempts.Count(a => a.ChatId == "m2"));
        Assert.All(await bot.Store().RowsOfAsync(1), r => Assert.Equal(RecipientState.Sent, r.State));
    }

    [Fact]
    public async Task AMemberWhoBlockedTheBotIsMarkedUnreachableAndListedInTheFinalReport()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 3);
        bot.Channel().Fail("m2", ScriptedConnector.Blocked());
        await bot.BroadcastAsync(Text);
        await UntilAsync(() => bot.Connector.To(Officer).Any(r => r.Text.Contains("Đã gửi xong")), "the final report");

        var row = (await bot.Store().RowsOfAsync(1)).Single(r => r.ChatId == "m2");
        Assert.Equal(RecipientState.Unreachable, row.State);
        Assert.Equal("Forbidden: bot was blocked by the user", row.Reason);
        Assert.NotNull(bot.Services.GetRequiredService<IChatDirectory>().Find("test", "m2")!.UnreachableReason);
        var report = bot.Connector.To(Officer).Last().Text;
        Assert.Contains("Đã gửi xong #1: 2/3 người nhận đã nhận, 0 lỗi, 1 không liên lạc được", report);
        Assert.Contains("Không liên lạc được", report);
        Assert.Contains("• Thành viên 2 (m2) – Forbidden: bot was blocked by the user", report);
    }

    [Fact]
    public async Task AGroupThatRemovedTheBotHasNoTitleAndTheFinalReportStillReachesTheOfficer()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 1, groups: 2); // groups are known by id only: the directory keeps no title for them
        bot.Channel().Fail("g2", new ChannelSendException(SendFailure.Unreachable, "Forbidden: bot was kicked from the group chat"));
        await bot.BroadcastAsync(Text, AudienceKind.All);
        await UntilAsync(() => bot.Connector.To(Officer).Any(r => r.Text.Contains("Đã gửi xong")), "the final report");

        var report = bot.Connector.To(Officer).Last().Text;
        Assert.Contains("2/3 người nhận đã nhận, 0 lỗi, 1 không liên lạc được", report);
        Assert.Contains("• nhóm g2 – Forbidden: bot was kicked from the group chat", report);
        Assert.Equal(RecipientState.Unreachable, (await bot.Store().RowsOfAsync(1)).Single(r => r.ChatId == "g2").State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ARecipientWithoutATitleIsNamedByItsId(string? title)
    {
        var texts = TestBot.Texts;
        Assert.Equal("nhóm g2", BroadcastFormat.Recipient(texts, "vi", title, ChatKind.Group, "g2"));
        Assert.Equal("member m2", BroadcastFormat.Recipient(texts, "en", title, ChatKind.Private, "m2"));
    }

    [Fact]
    public async Task AGroupThatBecameASupergroupGetsTheMessageAtItsNewIdAndIsKnownThereFromNowOn()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 1, groups: 2);
        bot.Channel().Fail("g1", ScriptedConnector.Migrated("g1-super"));
        await bot.BroadcastAsync(Text, AudienceKind.All);
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish");

        Assert.Single(bot.Connector.To("g1-super"), r => r.Text.Contains(Text));
        Assert.Empty(bot.Connector.To("g1"));
        var chats = bot.Services.GetRequiredService<IChatDirectory>();
        Assert.Null(chats.Find("test", "g1"));
        Assert.NotNull(chats.Find("test", "g1-super"));
        var row = (await bot.Store().RowsOfAsync(1)).Single(r => r.ChatId == "g1-super");
        Assert.Equal(RecipientState.Sent, row.State);
    }

    [Fact]
    public async Task ARefusedMessageIsRecordedAsFailedWithItsReasonAndTheRestGoOn()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 3);
        bot.Channel().Fail("m1", new ChannelSendException(SendFailure.Permanent, "Bad Request: message is too long"));
        await bot.BroadcastAsync(Text);
        await UntilAsync(() => bot.Connector.To(Officer).Any(r => r.Text.Contains("Đã gửi xong")), "the final report");

        Assert.Equal(RecipientState.Failed, (await bot.Store().RowsOfAsync(1)).Single(r => r.ChatId == "m1").State);
        var report = bot.Connector.To(Officer).Last().Text;
        Assert.Contains("2/3 người nhận đã nhận, 1 lỗi, 0 không liên lạc được", report);
        Assert.Contains("Gửi lỗi:", report);
        Assert.Contains("Thành viên 1 (m1) – Bad Request: message is too long", report);
    }

    [Fact]
    public async Task ANetworkHiccupIsRetriedAndTheMessageGoesOutOnce()
    {
        var time = new FakeTimeProvider(TestBot.DefaultNow);
        await using var bot = await StartAsync(time: time);
        bot.Seed(members: 2);
        bot.Channel().Fail("m1", new ChannelSendException(SendFailure.Transient, "Bot API Request timed out"));
        await bot.BroadcastAsync(Text);
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish", time, TimeSpan.FromSeconds(1));
        Assert.Single(bot.Connector.To("m1"), r => r.Text.Contains(Text));
        Assert.Equal(RecipientState.Sent, (await bot.Store().RowsOfAsync(1)).Single(r => r.ChatId == "m1").State);
    }
}
