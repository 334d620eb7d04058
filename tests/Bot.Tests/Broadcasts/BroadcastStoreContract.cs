using Bot.Broadcasts.Outbox;
using Bot.Broadcasts.Schedule;
using Bot.Storage;
using Bot.Tests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Broadcasts;

/// <summary>One contract, run against every IBroadcastStore (with the schedule store of the same storage, for claims).</summary>
public abstract class BroadcastStoreContract
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    protected abstract IBroadcastStore Store { get; }
    protected abstract IKickoffScheduleStore Schedule { get; }

    [Fact]
    public async Task ABroadcastIsStoredSendingWithOnePendingRowPerRecipientInSendingOrder()
    {
        var record = (await Store.CreateAsync(Announcement(), Members("m1", "m2", "m3")))!;

        var found = (await Store.FindAsync(record.Id))!;
        Assert.Equal((BroadcastState.Sending, 3, Time.GetUtcNow()), (found.State, found.Total, found.CreatedAt));
        var rows = await Store.RowsOfAsync(record.Id);
        Assert.Equal(["m1", "m2", "m3"], rows.Select(r => r.ChatId));
        Assert.All(rows, r => Assert.Equal((RecipientState.Pending, record.Id), (r.State, r.BroadcastId)));
        Assert.Equal([record.Id], (await Store.SendingAsync()).Select(b => b.Id));
    }

    [Fact]
    public async Task ABroadcastWhoseClaimIsRefusedIsNotStoredAtAll()
    {
        var kickoff = await AddKickoffAsync(ScheduleState.Paused);

        var record = await Store.CreateAsync(Kickoff(kickoff.Id), Members("m1", "m2"), Schedule.Claim(kickoff.Id, Time.GetUtcNow()));

        Assert.Null(record);
        Assert.Empty(await Store.SendingAsync());
        Assert.Empty(await Store.ForScheduleAsync(kickoff.Id));
        Assert.Empty(await Store.RowsOfAsync(1));
        Assert.Equal(ScheduleState.Paused, (await Schedule.FindAsync(kickoff.Id))!.State);
    }

    [Fact]
    public async Task AClaimedKickoffIsStoredWithItsScheduleMarkedFired()
    {
        var kickoff = await AddKickoffAsync(ScheduleState.Scheduled);
        var firedAt = Time.GetUtcNow();

        var record = await Store.CreateAsync(Kickoff(kickoff.Id), Members("m1"), Schedule.Claim(kickoff.Id, firedAt));

        Assert.NotNull(record);
        Assert.Single(await Store.RowsOfAsync(record.Id));
        var fired = (await Schedule.FindAsync(kickoff.Id))!;
        Assert.Equal((ScheduleState.Fired, firedAt), (fired.State, fired.FiredAt));
    }

    [Fact]
    public async Task AScheduleFiresOnceWhenFiftyClaimersRaceForIt()
    {
        var kickoff = await AddKickoffAsync(ScheduleState.Scheduled);

        var created = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            Store.CreateAsync(Kickoff(kickoff.Id), Members("m1", "m2"), Schedule.Claim(kickoff.Id, Time.GetUtcNow())))));

        Assert.Single(created, r => r is not null);
        var stored = Assert.Single(await Store.ForScheduleAsync(kickoff.Id));
        Assert.Equal(2, (await Store.RowsOfAsync(stored.Id)).Count);
    }

    [Fact]
    public async Task ABroadcastIsFinishedOnceAndTheSecondFinishChangesNothing()
    {
        var record = (await Store.CreateAsync(Announcement(), Members("m1")))!;
        Time.Advance(TimeSpan.FromMinutes(3));

        Assert.True(await Store.FinishAsync(record.Id, BroadcastState.Completed));
        Assert.False(await Store.FinishAsync(record.Id, BroadcastState.Cancelled, "Cán bộ Hà"));

        var found = (await Store.FindAsync(record.Id))!;
        Assert.Equal((BroadcastState.Completed, (string?)null, (DateTimeOffset?)Time.GetUtcNow()), (found.State, found.CancelledBy, found.FinishedAt));
        Assert.Empty(await Store.SendingAsync());
    }

    [Fact]
    public async Task FinishingAnUnknownBroadcastIsRefused() =>
        Assert.False(await Store.FinishAsync(42, BroadcastState.Completed));

    [Fact]
    public async Task PendingRowsComeInSendingOrderAPageAtATimeWithoutOtherBroadcastsRows()
    {
        var record = (await Store.CreateAsync(Announcement(), Members("m1", "m2", "m3", "m4", "m5")))!;
        await Store.CreateAsync(Announcement(), Members("x1", "x2"));
        var rows = await Store.RowsOfAsync(record.Id);
        await SaveAsync(rows[1], RecipientState.Sent);

        var first = await Store.PendingAsync(record.Id, null, 2);
        var second = await Store.PendingAsync(record.Id, first[^1].Id, 2);
        var last = await Store.PendingAsync(record.Id, second[^1].Id, 2);

        Assert.Equal(["m1", "m3"], first.Select(r => r.ChatId));
        Assert.Equal(["m4", "m5"], second.Select(r => r.ChatId));
        Assert.Empty(last);
    }

    [Fact]
    public async Task SavingARowRecordsItsOutcomeButNotAChatIdFromAStaleCopy()
    {
        var record = (await Store.CreateAsync(Announcement(), Members("m1", "m2")))!;
        var row = (await Store.RowsOfAsync(record.Id))[0];
        row.ChatId = "stale";
        row.MessageId = "msg-7";
        row.Attempts = 2;
        await SaveAsync(row, RecipientState.Unreachable, "blocked");

        var saved = (await Store.RowsOfAsync(record.Id))[0];
        Assert.Equal(("m1", RecipientState.Unreachable, "blocked", "msg-7", 2), (saved.ChatId, saved.State, saved.Reason, saved.MessageId, saved.Attempts));
        Assert.Equal(new Dictionary<RecipientState, int> { [RecipientState.Unreachable] = 1, [RecipientState.Pending] = 1 }, await Store.CountsAsync(record.Id));
    }

    [Fact]
    public async Task CancellingPendingRowsLeavesSentRowsAndCountsTheCancelled()
    {
        var record = (await Store.CreateAsync(Announcement(), Members("m1", "m2", "m3")))!;
        await SaveAsync((await Store.RowsOfAsync(record.Id))[0], RecipientState.Sent);

        Assert.Equal(2, await Store.CancelPendingAsync(record.Id));

        var counts = await Store.CountsAsync(record.Id);
        Assert.Equal((1, 2, false), (counts[RecipientState.Sent], counts[RecipientState.Cancelled], counts.ContainsKey(RecipientState.Pending)));
    }

    [Fact]
    public async Task AMigratedGroupTakesOnlyThePendingRowsOfRunningBroadcasts()
    {
        var running = (await Store.CreateAsync(Announcement(), [Group("g1"), Group("g2")]))!;
        var alreadySent = (await Store.CreateAsync(Announcement(), [Group("g1")]))!;
        await SaveAsync((await Store.RowsOfAsync(alreadySent.Id))[0], RecipientState.Sent);
        var finished = (await Store.CreateAsync(Announcement(), [Group("g1")]))!;
        await Store.FinishAsync(finished.Id, BroadcastState.Cancelled, "Cán bộ Hà");

        await Store.MovePendingAsync("test", "g1", "g1-super");

        Assert.Equal(["g1-super", "g2"], (await Store.RowsOfAsync(running.Id)).Select(r => r.ChatId));
        Assert.Equal("g1", (await Store.RowsOfAsync(alreadySent.Id))[0].ChatId);
        Assert.Equal("g1", (await Store.RowsOfAsync(finished.Id))[0].ChatId);
    }

    [Fact]
    public async Task ForgettingOldRowsKeepsTheBroadcastRecordsAndRecentOrRunningRows()
    {
        var old = (await Store.CreateAsync(Announcement(), Members("m1", "m2")))!;
        await Store.FinishAsync(old.Id, BroadcastState.Completed);
        var stillSending = (await Store.CreateAsync(Announcement(), Members("m1")))!;
        Time.Advance(TimeSpan.FromDays(100));
        var recent = (await Store.CreateAsync(Announcement(), Members("m1")))!;
        await Store.FinishAsync(recent.Id, BroadcastState.Completed);

        Assert.Equal(2, await Store.ForgetRowsFinishedBeforeAsync(Time.GetUtcNow() - TimeSpan.FromDays(90)));

        Assert.NotNull(await Store.FindAsync(old.Id));
        Assert.Empty(await Store.RowsOfAsync(old.Id));
        Assert.Single(await Store.RowsOfAsync(stillSending.Id));
        Assert.Single(await Store.RowsOfAsync(recent.Id));
    }

    [Fact]
    public async Task AnonymisingAMemberBlanksTheirNameInPrivateRowsOnly()
    {
        var record = (await Store.CreateAsync(Announcement(), [.. Members("m1", "m2"), Group("m1"), new Recipient("zalo", "m1", ChatKind.Private, "vi", "Zalo member")]))!;

        Assert.Equal(1, await Store.AnonymiseRecipientAsync("test", ["m1"]));

        Assert.Equal(["", "Thành viên m2", "Nhóm m1", "Zalo member"], (await Store.RowsOfAsync(record.Id)).Select(r => r.Title));
    }

    [Fact]
    public async Task TheReportChatsAndTheirProgressMessageAreKeptWithTheBroadcast()
    {
        var record = (await Store.CreateAsync(Announcement(), Members("m1")))!;
        await Store.SaveReportChatsAsync(record.Id, [new ReportChat { Channel = "test", ChatId = "officer", Kind = ChatKind.Private, ProgressMessageId = "41" }]);

        Assert.Equal("41", Assert.Single((await Store.FindAsync(record.Id))!.ReportTo).ProgressMessageId);
    }

    [Fact]
    public async Task RecentBroadcastsComeNewestFirst()
    {
        foreach (var _ in Enumerable.Range(0, 4)) await Store.CreateAsync(Announcement(), Members("m1"));

        var recent = await Store.RecentAsync(3);

        Assert.Equal([4, 3, 2], recent.Select(b => b.Id));
    }

    private async Task SaveAsync(OutboxRow row, RecipientState state, string? reason = null)
    {
        row.State = state;
        row.Reason = reason;
        await Store.SaveAsync(row);
    }

    private async Task<ScheduledKickoff> AddKickoffAsync(ScheduleState state)
    {
        var row = new ScheduledKickoff { Key = "tld-2021/dot-2", PlanId = "tld-2021", PhaseId = "dot-2", RunAt = Time.GetUtcNow(), State = state };
        Assert.True(await Schedule.TryAddAsync(row));
        return (await Schedule.AllAsync()).Single();
    }

    private static BroadcastRecord Announcement() => new()
    {
        Kind = BroadcastKind.Announcement,
        CreatedBy = "test:officer",
        Variants = [new MessageVariant { Channel = "test", Language = "vi", Text = "Họp lúc 14:00" }],
    };

    private static BroadcastRecord Kickoff(int scheduleId) => new()
    {
        Kind = BroadcastKind.Kickoff,
        PlanId = "tld-2021",
        PhaseId = "dot-2",
        ScheduleId = scheduleId,
        CreatedBy = "schedule",
        Variants = [new MessageVariant { Channel = "test", Language = "vi", Text = "PHÁT ĐỘNG" }],
    };

    private static Recipient[] Members(params string[] ids) => [.. ids.Select(id => new Recipient("test", id, ChatKind.Private, "vi", $"Thành viên {id}"))];

    private static Recipient Group(string id) => new("test", id, ChatKind.Group, "vi", $"Nhóm {id}");
}
