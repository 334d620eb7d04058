using Bot.Broadcasts.Outbox;
using Bot.Tests.Storage.PostgreSql;

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
        await using var second = await TestBot.StartAsync(Settings);
        try
        {
            await BroadcastHarness.UntilAsync(async () => await _db.Database.CountAsync("SELECT count(*) FROM leases") == 1, "the first bot to take the lease");
            Assert.Equal(1, await _db.Database.CountAsync("SELECT count(*) FROM leases")); // started first, so its worker asked first

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
}
