using System.Text.Json;
using Bot.Tests.Broadcasts;
using Bot.Channels.Zalo.Api;
using Bot.Storage.PostgreSql;
using Bot.Tests.Channels.Zalo.Fakes;
using Bot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Tests.Storage.PostgreSql;

/// <summary>
/// A bot on PostgreSQL beside an instance that acknowledged an update and then stopped beating (killed, machine lost):
/// the live bot answers it once the heartbeat is stale, without any restart; while the other instance lives, it is left alone.
/// </summary>
public sealed class PgStrandedTakeoverTests : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);
    private PgTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PgTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = _db.ConnectionString,
    };

    /// <summary>The other instance, on a clock of the test's choosing (the live bot's, to keep it beating in step).</summary>
    private (PgInstance Instance, PgReceivedUpdates Updates) Other(TimeProvider time)
    {
        var instance = new PgInstance(_db.Database, time);
        return (instance, new PgReceivedUpdates(_db.Database, _db.Committer, instance, time));
    }

    private Task<long> PendingAsync() => _db.Database.CountAsync("SELECT count(*) FROM received");

    /// <summary>
    /// Moves the live bot's clock on until it has claimed the stored row, then stops: a clock racing on while the turn
    /// runs would make its held reply look abandoned to the reply resender (held over a minute) and send it twice.
    /// </summary>
    private async Task UntilClaimedAsync(TestBot bot)
    {
        var me = bot.Services.GetRequiredService<PgInstance>().Id;
        await BroadcastHarness.UntilAsync(async () => await _db.Database.CountAsync("SELECT count(*) FROM received WHERE owner = $1", me) > 0
            || await PendingAsync() == 0, "the live bot to claim the stored row", bot.Time, Step, timeoutMs: 30_000);
    }

    private static string DotFrom(long chatId) => JsonSerializer.Serialize(new Update
    {
        Id = 77,
        Message = new Message
        {
            Id = 5, Date = TestBot.DefaultNow.UtcDateTime, Text = "/dot",
            Chat = new Chat { Id = chatId, Type = ChatType.Private, FirstName = "An" },
            From = new User { Id = chatId, FirstName = "An" },
            Entities = [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = 4 }],
        },
    }, JsonBotAPI.Options);

    [Fact]
    public async Task ATelegramUpdateStoredByAnInstanceWhoseHeartbeatStoppedIsAnsweredOnceByALiveInstance()
    {
        if (_db.Off) return;
        var (dead, deadUpdates) = Other(new FakeTimeProvider(TestBot.DefaultNow));
        await deadUpdates.AddAsync("telegram", [DotFrom(1001)]);

        FakeChat? chat = null;
        await using var host = await TelegramTestHost.StartAsync(settings: Settings, arrange: api => chat = api.PrivateChat(new FakeUser(1001, "An")));
        // Polling starts after the start-up resume: the dead instance's heartbeat was still fresh then, so it was left.
        await host.Api.WaitForPollAsync();
        Assert.Equal(1, await _db.Database.CountAsync("SELECT count(*) FROM received WHERE owner = $1", dead.Id));

        await UntilClaimedAsync(host.Bot);
        Assert.True(host.Time.GetUtcNow() - TestBot.DefaultNow > PgInstance.DeadAfter, "taken over only once the heartbeat was stale");
        await BroadcastHarness.UntilAsync(() => host.Api.BotMessagesIn(chat!).Count > 0, "the live bot to answer the stranded /dot", timeoutMs: 30_000);
        await BroadcastHarness.UntilAsync(async () => await PendingAsync() == 0, "the stored update to be forgotten");
        Assert.Contains("Hôm nay", Assert.Single(host.Api.BotMessagesIn(chat!)).Text);
    }

    [Fact]
    public async Task AnUpdateOfAnInstanceThatKeepsBeatingIsLeftToItAndTakenOverWhenItStops()
    {
        if (_db.Off) return;
        FakeChat? chat = null;
        await using var host = await TelegramTestHost.StartAsync(settings: Settings, arrange: api => chat = api.PrivateChat(new FakeUser(1001, "An")));
        var (other, otherUpdates) = Other(host.Time);
        await otherUpdates.AddAsync("telegram", [DotFrom(1001)]);
        var taker = host.Services.GetRequiredService<Bot.Builder.Pipeline.StrandedUpdateTaker>();

        // Four takeover passes, a minute on the clock, while the other instance beats as a live one does.
        await BroadcastHarness.UntilAsync(async () =>
        {
            await other.BeatAsync();
            return taker.Passes >= 4;
        }, "four takeover passes", host.Time, Step, timeoutMs: 30_000);
        Assert.Empty(host.Api.BotMessagesIn(chat!));
        Assert.Equal(1, await _db.Database.CountAsync("SELECT count(*) FROM received WHERE owner = $1", other.Id));

        await UntilClaimedAsync(host.Bot);
        await BroadcastHarness.UntilAsync(() => host.Api.BotMessagesIn(chat!).Count > 0, "the live bot to answer once the other stopped beating", timeoutMs: 30_000);
        await BroadcastHarness.UntilAsync(async () => await PendingAsync() == 0, "the stored update to be forgotten");
        Assert.Single(host.Api.BotMessagesIn(chat!));
    }

    [Fact]
    public async Task AZaloEventStoredByAnInstanceWhoseHeartbeatStoppedIsAnsweredOnceByALiveInstance()
    {
        if (_db.Off) return;
        var (_, deadUpdates) = Other(new FakeTimeProvider(TestBot.DefaultNow));
        var update = new ZaloUpdate(ZaloUpdate.Text, new ZaloMessage { MessageId = "m-77", ChatId = "u1", FromId = "u1", FromName = "An", Text = "/dot", Date = TestBot.DefaultNow });
        await deadUpdates.AddAsync("zalo", [JsonSerializer.Serialize(update)]);

        await using var zalo = await ZaloBot.StartAsync(settings: Settings);
        await UntilClaimedAsync(zalo.Bot);
        await BroadcastHarness.UntilAsync(() => zalo.Api.SentTo("u1").Any(t => t.Contains("Hôm nay")), "the live bot to answer the stranded /dot", timeoutMs: 30_000);
        await BroadcastHarness.UntilAsync(async () => await PendingAsync() == 0, "the stored event to be forgotten");
        Assert.Single(zalo.Api.SentTo("u1"), t => t.Contains("Hôm nay"));
    }

    [Fact]
    public async Task AnUpdateLeftByAnInstanceThatStoppedCleanlyIsAnsweredAtTheNextStartWithoutWaiting()
    {
        if (_db.Off) return;
        var (left, leftUpdates) = Other(new FakeTimeProvider(TestBot.DefaultNow));
        await leftUpdates.AddAsync("telegram", [DotFrom(1001)]);
        await left.LeaveAsync();

        FakeChat? chat = null;
        await using var host = await TelegramTestHost.StartAsync(settings: Settings, arrange: api => chat = api.PrivateChat(new FakeUser(1001, "An")));
        // The clock never moves: the start-up resume claims it.
        Assert.Contains("Hôm nay", (await host.Api.NextBotMessageAsync(chat!, 0, "the answer to the left /dot")).Text);
        await BroadcastHarness.UntilAsync(async () => await PendingAsync() == 0, "the stored update to be forgotten");
    }

    [Fact]
    public async Task ARunningBotKeepsItsHeartbeatFreshAndRemovesItWhenItStops()
    {
        if (_db.Off) return;
        var bot = await TestBot.StartAsync(Settings);
        var me = bot.Services.GetRequiredService<PgInstance>().Id;
        async Task<DateTimeOffset?> HeartbeatAsync() =>
            (await _db.Database.QueryAsync("SELECT heartbeat_at FROM instances WHERE id = $1", r => r.GetFieldValue<DateTimeOffset>(0), me)).Cast<DateTimeOffset?>().FirstOrDefault();
        try
        {
            await BroadcastHarness.UntilAsync(async () => await HeartbeatAsync() == TestBot.DefaultNow, "the first heartbeat");
            await BroadcastHarness.UntilAsync(async () => await HeartbeatAsync() >= TestBot.DefaultNow + PgInstance.BeatEvery, "a later heartbeat", bot.Time, PgInstance.BeatEvery);
        }
        finally
        {
            await bot.DisposeAsync();
        }
        Assert.Null(await HeartbeatAsync());
    }
}
