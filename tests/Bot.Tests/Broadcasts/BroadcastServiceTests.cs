using Bot.Broadcasts;
using Bot.Broadcasts.Outbox;
using Bot.Broadcasts.Schedule;
using Bot.Members;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Broadcasts.BroadcastAccessTests;
using static Bot.Tests.Broadcasts.BroadcastHarness;

namespace Bot.Tests.Broadcasts;

/// <summary>The use cases called as a web dashboard would: with an actor, without a chat turn.</summary>
public class BroadcastServiceTests
{
    private static readonly Actor Officer = new("test", BroadcastHarness.Officer, "Cán bộ Hà", "vi", [new OfficerRole("test", BroadcastHarness.Officer, null)]);
    private static readonly Actor Member = new("test", "m1", "Thành viên 1", "vi", []);
    private static readonly ReportChat OfficerChat = new() { Channel = "test", ChatId = BroadcastHarness.Officer, Kind = ChatKind.Private, Language = "vi" };

    [Fact]
    public async Task AMemberIsRefusedEveryBroadcastAndScheduleUseCaseAndNothingIsStored()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 2);
        var broadcasts = bot.Services.GetRequiredService<BroadcastService>();
        var schedule = bot.Services.GetRequiredService<ScheduleService>();
        var draft = Draft();

        await Assert.ThrowsAsync<NotAllowedException>(() => broadcasts.DraftAsync(Member, draft, default));
        await Assert.ThrowsAsync<NotAllowedException>(() => broadcasts.StartAsync(Member, draft, [OfficerChat], null, default));
        await Assert.ThrowsAsync<NotAllowedException>(() => broadcasts.StopAsync(Member, 1, default));
        await Assert.ThrowsAsync<NotAllowedException>(() => broadcasts.ProgressAsync(Member, 1, default));
        await Assert.ThrowsAsync<NotAllowedException>(() => broadcasts.HistoryAsync(Member, default));
        Assert.Throws<NotAllowedException>(() => broadcasts.Running(Member));
        await Assert.ThrowsAsync<NotAllowedException>(() => schedule.ListAsync(Member, default));
        await Assert.ThrowsAsync<NotAllowedException>(() => schedule.PauseAsync(Member, 1, default));

        Assert.Null(await bot.Store().FindAsync(1));
    }

    [Fact]
    public async Task AnOfficersStartStoresTheOutboxAndSendsItWithoutATurn()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 3);
        var broadcasts = bot.Services.GetRequiredService<BroadcastService>();

        var preview = await broadcasts.DraftAsync(Officer, Draft(), default);
        var record = await broadcasts.StartAsync(Officer, Draft(), [OfficerChat], null, default);

        Assert.Contains("Họp lúc 14:00", preview.Message.Text);
        Assert.Equal(3, preview.Members);
        Assert.Equal((3, "test:officer"), (record.Total, record.CreatedBy));
        Assert.Equal(["m1", "m2", "m3"], (await bot.Store().RowsOfAsync(record.Id)).Select(r => r.ChatId));
        await UntilAsync(() => bot.Finished(record.Id), "the broadcast to finish");
        Assert.All(new[] { "m1", "m2", "m3" }, m => Assert.Single(bot.Connector.To(m), r => r.Text.Contains("Họp lúc 14:00")));
        var status = (await broadcasts.ProgressAsync(Officer, record.Id, default))!;
        Assert.Equal(3, status.Counts[RecipientState.Sent]);
        Assert.Equal([record.Id], (await broadcasts.HistoryAsync(Officer, default)).Select(b => b.Id));
    }

    [Fact]
    public async Task AnOfficersStopCancelsThePendingRows()
    {
        var time = new FakeTimeProvider(TestBot.DefaultNow);
        await using var bot = await StartAsync(Paced(1), time);
        bot.Seed(members: 10);
        var broadcasts = bot.Services.GetRequiredService<BroadcastService>();
        var record = await broadcasts.StartAsync(Officer, Draft(), [OfficerChat], null, default);
        await UntilAsync(() => broadcasts.Running(Officer).Count == 1, "the broadcast to run");

        Assert.True(await broadcasts.StopAsync(Officer, record.Id, default));

        await UntilAsync(() => bot.Finished(record.Id), "the broadcast to stop", time, TimeSpan.FromMilliseconds(200));
        var status = (await broadcasts.ProgressAsync(Officer, record.Id, default))!;
        Assert.Equal((BroadcastState.Cancelled, "Cán bộ Hà"), (status.Broadcast.State, status.Broadcast.CancelledBy));
        Assert.False(status.Counts.ContainsKey(RecipientState.Pending));
        Assert.True(status.Counts[RecipientState.Cancelled] > 0);
        await UntilAsync(() => broadcasts.Running(Officer).Count == 0, "the run to wind down", time, TimeSpan.FromMilliseconds(200));
        Assert.False(await broadcasts.StopAsync(Officer, record.Id, default));
    }

    [Fact]
    public async Task AMemberWhoAsksToBeForgottenIsAnonymisedInBroadcastReports()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 2);
        var record = await bot.Services.GetRequiredService<BroadcastService>().StartAsync(Officer, Draft(), [OfficerChat], null, default);
        await UntilAsync(() => bot.Finished(record.Id), "the broadcast to finish");

        var erased = await bot.Services.GetRequiredService<MemberDataService>().EraseAsync(Member);

        Assert.Equal(1, erased.Of<BroadcastMemberData>());
        Assert.Equal(["", "Thành viên 2"], (await bot.Store().RowsOfAsync(record.Id)).Select(r => r.Title));
    }

    private static BroadcastDraft Draft() => new() { Kind = BroadcastKind.Announcement, Text = "Họp lúc 14:00", Audience = AudienceKind.Members };
}
