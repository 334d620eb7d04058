using Bot.Broadcasts.Outbox;
using Bot.Broadcasts.Schedule;
using Bot.Builder.Testing;
using Bot.Tests.Storage.PostgreSql;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Broadcasts;

/// <summary>Two bots on one PostgreSQL database: only the lease holder sends, and the other takes over when it stops.</summary>
public sealed class PgTwoInstanceBroadcastTests : IAsyncLifetime
{
    private PgTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PgTestDatabase.CreateAsync(migrate: false);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = _db.ConnectionString,
    };

    /// <summary>Stored and queued on <paramref name="bot"/>, as its officer's confirmation does.</summary>
    private static async Task ConfirmAsync(TestBot bot, string text, int members)
    {
        var record = await bot.Services.GetRequiredService<IBroadcastStore>().CreateAsync(
            new BroadcastRecord { Kind = BroadcastKind.Announcement, CreatedBy = "test:officer", Variants = [new MessageVariant { Channel = "test", Language = "vi", Text = text }] },
            [.. Enumerable.Range(1, members).Select(i => new Recipient("test", $"m{i}", ChatKind.Private, "vi", $"Thành viên {i}"))]);
        bot.Services.GetRequiredService<BroadcastQueue>().Enqueue(record!.Id);
    }

    private static int Received(TestBot bot, string text) => bot.Connector.All.Count(r => r.Text.Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task ABroadcastConfirmedOnTheOtherInstanceIsSentOnceByTheLeaseHolderAndTakenOverWhenItStops()
    {
        if (_db.Off) return;
        var first = await TestBot.StartAsync(Settings);
        await BroadcastHarness.UntilAsync(async () => await _db.Database.CountAsync("SELECT count(*) FROM leases") == 1, "the first bot to take the lease");
        await using var second = await TestBot.StartAsync(Settings);
        try
        {

            await ConfirmAsync(second, "Thông báo một", members: 3);
            // The holder finds it at its next renewal.
            await BroadcastHarness.UntilAsync(() => Received(first, "Thông báo một") == 3, "the holder to send it", first.Time, PgBroadcastSenderLease.Duration / 3);
            await BroadcastHarness.SettleAsync(first);
            Assert.Equal(0, Received(second, "Thông báo một"));

            await ConfirmAsync(second, "Thông báo hai", members: 2);
        }
        finally
        {
            await first.DisposeAsync(); // gives the lease up
        }
        await BroadcastHarness.UntilAsync(() => Received(second, "Thông báo hai") == 2, "the other bot to take over", second.Time, PgBroadcastSenderLease.Duration / 3);
        Assert.Equal(0, Received(first, "Thông báo hai"));
    }

    [Fact]
    public async Task AScheduledKickoffDueOnBothInstancesFiresOnce()
    {
        if (_db.Off) return;
        // Phase 2 of both 2021 plans starts on 1 July 2021; its kickoff is due at 08:00 Vietnam time.
        var kickoff = new DateTimeOffset(2021, 7, 1, 8, 0, 0, TimeSpan.FromHours(7));
        var (firstTime, secondTime) = (new FakeTimeProvider(kickoff.AddHours(-12)), new FakeTimeProvider(kickoff.AddHours(-12)));
        await using var first = await BroadcastHarness.StartAsync(Settings, firstTime);
        await using var second = await BroadcastHarness.StartAsync(Settings, secondTime);
        first.Seed(members: 2);
        var schedule = first.Services.GetRequiredService<IKickoffScheduleStore>();
        await BroadcastHarness.UntilAsync(async () => (await schedule.AllAsync()).Count(r => r.State == ScheduleState.Scheduled) == 2, "the two phase-2 kickoffs scheduled once");

        firstTime.Advance(kickoff - firstTime.GetUtcNow());
        secondTime.Advance(kickoff - secondTime.GetUtcNow());

        await BroadcastHarness.UntilAsync(async () => (await schedule.AllAsync()).Count(r => r.State == ScheduleState.Fired) == 2, "both kickoffs fired");
        foreach (var row in (await schedule.AllAsync()).Where(r => r.State == ScheduleState.Fired))
            Assert.Single(await first.Store().ForScheduleAsync(row.Id));
        static int Kickoffs(TestBot bot) => bot.Connector.To("m1").Count(r => r.Text.Contains("PHÁT ĐỘNG THI ĐUA"));
        // Whichever bot holds the lease sends both, at its next renewal: both clocks move on.
        var renewal = PgBroadcastSenderLease.Duration / 3;
        await BroadcastHarness.UntilAsync(() =>
        {
            secondTime.Advance(renewal);
            return Kickoffs(first) + Kickoffs(second) == 2;
        }, "one kickoff per plan to m1", firstTime, renewal);
        await BroadcastHarness.SettleAsync(first);
        Assert.Equal(2, Kickoffs(first) + Kickoffs(second));
    }
}
