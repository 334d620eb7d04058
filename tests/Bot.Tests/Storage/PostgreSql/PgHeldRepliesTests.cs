using Bot.Storage.PostgreSql;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Storage.PostgreSql;

/// <summary>Held replies with several instances: what a live instance holds is left to it; what a dead one left is sent once.</summary>
public sealed class PgHeldRepliesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(TestBot.DefaultNow);
    private PgTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PgTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static PendingReply To(string chat, string text) => new(new ConversationAddress("test", chat, ChatKind.Private), new Reply { Text = text });

    [Fact]
    public async Task OnlyRepliesHeldLongerThanAMinuteAreClaimedAndOnlyByOneInstance()
    {
        if (_db.Off) return;
        var (first, second) = (new PgReplyOutbox(_db.Database, _db.Committer, _time), new PgReplyOutbox(_db.Database, _db.Committer, _time));
        await first.HoldAsync("turn-1", [To("m1", "một")]);

        Assert.Empty(await second.ClaimAbandonedAsync(10, default));
        _time.Advance(first.Abandoned);
        var claimed = Assert.Single(await second.ClaimAbandonedAsync(10, default));
        Assert.Equal("turn-1", claimed.TurnKey);
        Assert.Empty(await first.ClaimAbandonedAsync(10, default)); // claimed: its clock restarted
    }

    [Fact]
    public async Task AnInstanceStartingSendsWhatADeadInstanceLeftOnce()
    {
        if (_db.Off) return;
        var dead = new PgReplyOutbox(_db.Database, _db.Committer, new FakeTimeProvider(TestBot.DefaultNow.AddMinutes(-2)));
        await dead.HoldAsync("turn-1", [To("m1", "Đã ghi nhận đăng ký #7.")]);

        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = _db.ConnectionString,
        });

        await Broadcasts.BroadcastHarness.UntilAsync(async () => (await dead.PendingAsync()).Count == 0, "the held reply to be sent and released");
        Assert.Single(bot.Connector.All, r => r.To.ChatId == "m1" && r.Text == "Đã ghi nhận đăng ký #7.");
    }
}
