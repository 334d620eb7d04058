using System.Collections.Concurrent;
using Bot.Audience;
using Bot.Broadcasts;
using Bot.Broadcasts.Outbox;
using Bot.Builder.Testing;
using Bot.Pledges;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Broadcasts;

/// <summary>
/// The "test" channel with failures on demand: it wraps TestBot's recording connector, so transcripts still read
/// what was delivered, and can throw a channel failure for a chat or hold a send after it was delivered.
/// </summary>
public sealed class ScriptedConnector(TestConnector inner) : IChannelConnector
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ChannelSendException>> _failures = new();

    public string Channel => inner.Channel;
    public ChannelCapabilities Capabilities => inner.Capabilities;
    public TestConnector Inner => inner;
    public ConcurrentQueue<ConversationAddress> Attempts { get; } = new();

    /// <summary>Runs after a message was delivered (recorded), before the sender hears back.</summary>
    public Func<ConversationAddress, Reply, CancellationToken, Task>? AfterDelivered { get; set; }

    public void Fail(string chatId, params ChannelSendException[] failures)
    {
        var queue = _failures.GetOrAdd(chatId, _ => new());
        foreach (var f in failures) queue.Enqueue(f);
    }

    public async Task<string?> SendAsync(ConversationAddress to, Reply reply, CancellationToken cancellationToken)
    {
        Attempts.Enqueue(to);
        if (_failures.TryGetValue(to.ChatId, out var queue) && queue.TryDequeue(out var failure)) throw failure;
        var id = await inner.SendAsync(to, reply, cancellationToken);
        if (AfterDelivered is { } hook) await hook(to, reply, cancellationToken);
        return id;
    }

    public Task AnswerButtonAsync(Activity activity, string? text, CancellationToken cancellationToken) =>
        inner.AnswerButtonAsync(activity, text, cancellationToken);

    public static ChannelSendException RateLimited(int seconds) =>
        new(SendFailure.RateLimited, $"Too Many Requests: retry after {seconds}") { RetryAfter = TimeSpan.FromSeconds(seconds) };

    public static ChannelSendException Blocked() => new(SendFailure.Unreachable, "Forbidden: bot was blocked by the user");

    public static ChannelSendException Migrated(string newId) =>
        new(SendFailure.Migrated, "Bad Request: group chat was upgraded to a supergroup chat") { MigratedToChatId = newId };
}

internal static class BroadcastHarness
{
    public const string Officer = "officer";

    public static Task<TestBot> StartAsync(
        IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null, ChannelCapabilities? capabilities = null,
        Action<IServiceCollection>? services = null) =>
        TestBot.StartAsync(settings, time, capabilities, s =>
        {
            var recording = s.Last(d => d.ServiceType == typeof(IChannelConnector) && d.ImplementationInstance is TestConnector);
            s.Remove(recording);
            s.AddSingleton<IChannelConnector>(new ScriptedConnector((TestConnector)recording.ImplementationInstance!));
            services?.Invoke(s);
        });

    /// <summary>The scripted "test" channel of a bot started by <see cref="StartAsync"/>.</summary>
    public static ScriptedConnector Channel(this TestBot bot) => bot.Services.GetServices<IChannelConnector>().OfType<ScriptedConnector>().Single();

    /// <summary>Members "m1".."mN" who talked to the bot privately, and groups "g1".."gN" the bot is in.</summary>
    public static void Seed(this TestBot bot, int members, int groups = 0, string? language = null)
    {
        var chats = bot.Services.GetRequiredService<IChatDirectory>();
        for (var i = 1; i <= members; i++)
            chats.Seen(new Activity { Channel = "test", ChatId = $"m{i}", UserId = $"m{i}", UserName = $"Thành viên {i}", Language = language });
        for (var i = 1; i <= groups; i++)
            chats.Seen(new Activity { Channel = "test", ChatId = $"g{i}", ChatKind = ChatKind.Group, UserId = $"m{i}", UserName = $"Thành viên {i}" });
    }

    /// <summary>Stores and starts an announcement to everyone, reported to the officer's private chat (as the dialog would).</summary>
    public static async Task<BroadcastRecord> BroadcastAsync(this TestBot bot, string text, AudienceKind audience = AudienceKind.Members)
    {
        var starter = bot.Services.GetRequiredService<BroadcastStarter>();
        var draft = new BroadcastDraft { Kind = BroadcastKind.Announcement, Text = text, Audience = audience };
        var recipients = await starter.RecipientsAsync(draft, CancellationToken.None);
        var officer = new ReportChat { Channel = "test", ChatId = Officer, Kind = ChatKind.Private, Language = "vi" };
        var record = (await starter.CreateAsync(draft, recipients, "test:officer", [officer]))!;
        await starter.StartAsync(record);
        return record;
    }

    /// <summary>A pledge as the pledge form would store it (the member registered from their private chat).</summary>
    public static void Pledge(this TestBot bot, string member, string planId, string unit, PledgeStatus status = PledgeStatus.Submitted) =>
        new Bot.Tests.Pledges.PledgeTestStore(bot.Services.GetRequiredService<IPledgeStore>()).Save(new Pledge
        {
            Channel = "test",
            UserId = member,
            PrivateChatId = member,
            PlanId = planId,
            FullName = $"Thành viên {member}",
            Position = "Công nhân",
            Unit = unit,
            TitleId = "ldtt",
            Status = status,
        });

    public static IBroadcastStore Store(this TestBot bot) => bot.Services.GetRequiredService<IBroadcastStore>();

    public static async Task<int> Pending(this TestBot bot, int broadcastId) => (await bot.Store().PendingAsync(broadcastId, null, int.MaxValue)).Count;

    public static async Task<bool> Finished(this TestBot bot, int broadcastId) =>
        (await bot.Store().FindAsync(broadcastId))?.State is BroadcastState.Completed or BroadcastState.Cancelled;

    /// <summary>Messages a chat received (on the recording connector), whatever else the test already dequeued.</summary>
    public static IReadOnlyList<SentReply> To(this TestConnector connector, string chatId) => [.. connector.All.Where(r => r.To.ChatId == chatId)];

    /// <summary>
    /// Keeps the fake clock moving by <paramref name="step"/> every couple of real milliseconds until disposed, as a real
    /// clock would while a conversation goes on: paced messages (a reply past its chat's burst) then leave a moment later.
    /// </summary>
    public static IAsyncDisposable Ticking(FakeTimeProvider time, TimeSpan step)
    {
        var stop = new CancellationTokenSource();
        var ticking = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                time.Advance(step);
                await Task.Delay(2);
            }
        });
        return new Ticker(stop, ticking);
    }

    private sealed class Ticker(CancellationTokenSource stop, Task ticking) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await ticking;
            stop.Dispose();
        }
    }

    /// <summary>
    /// Waits (in real time, briefly) for background work, advancing the fake clock by <paramref name="step"/> each
    /// round when given. Fails with <paramref name="what"/> after a few seconds.
    /// </summary>
    public static Task UntilAsync(Func<bool> condition, string what, FakeTimeProvider? time = null, TimeSpan? step = null, int timeoutMs = 10_000) =>
        UntilAsync(() => Task.FromResult(condition()), what, time, step, timeoutMs);

    /// <summary>The same, for a condition read from an async store.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, FakeTimeProvider? time = null, TimeSpan? step = null, int timeoutMs = 10_000)
    {
        var started = Environment.TickCount64;
        while (!await condition())
        {
            if (Environment.TickCount64 - started > timeoutMs) throw new TimeoutException($"Timed out waiting for: {what}");
            if (time is not null && step is { } s) time.Advance(s);
            await Task.Delay(5);
        }
    }

    /// <summary>
    /// Waits until the background work is idle, so that a check right after shows that something did NOT happen: no
    /// confirmed broadcast waits for the worker, none is running or still sending, and the kickoff schedule has
    /// caught up with the clock (asleep until a moment still to come).
    /// </summary>
    public static Task SettleAsync(this TestBot bot) => UntilAsync(async () =>
        bot.Services.GetRequiredService<BroadcastQueue>().Waiting == 0
        && bot.Services.GetRequiredService<BroadcastRunner>().Running.Count == 0
        && bot.Services.GetRequiredService<Bot.Broadcasts.Schedule.KickoffScheduler>().IsIdle
        && (await bot.Store().SendingAsync()).Count == 0, "the broadcasts and the kickoff schedule to be idle");
}
