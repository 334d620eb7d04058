using System.Text.Json.Nodes;
using Bot.Channels.Zalo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Channels.Zalo.Fakes;

/// <summary>
/// The real host (through TestBot) with Zalo pointed at a <see cref="FakeZaloApi"/>. A member's message goes in
/// through getUpdates (or a webhook push) and the answer is read back from what the fake received.
/// </summary>
internal sealed class ZaloBot : IAsyncDisposable
{
    public const string WebhookPath = "/zalo/webhook";
    public const string WebhookSecret = "webhook-secret-for-tests";
    private long _delivered;

    private ZaloBot(FakeZaloApi api, TestBot bot, CapturedLogs logs)
    {
        Api = api;
        Bot = bot;
        Logs = logs;
    }

    public FakeZaloApi Api { get; }
    public TestBot Bot { get; }
    public CapturedLogs Logs { get; }
    public FakeTimeProvider Time => Bot.Time;
    public ZaloInbox Inbox => Bot.Services.GetRequiredService<ZaloInbox>();

    public static async Task<ZaloBot> StartAsync(
        ZaloMode mode = ZaloMode.Polling,
        IDictionary<string, string?>? settings = null,
        Action<FakeZaloApi>? prepare = null,
        FakeTimeProvider? time = null)
    {
        var api = await FakeZaloApi.StartAsync();
        time ??= new FakeTimeProvider(TestBot.DefaultNow);
        api.Clock = time;
        prepare?.Invoke(api);
        var logs = new CapturedLogs();
        var config = new Dictionary<string, string?>
        {
            ["Zalo:BotToken"] = FakeZaloApi.Token,
            ["Zalo:ApiBaseUrl"] = api.BaseUrl,
            ["Zalo:PollTimeoutSeconds"] = "1",
            // Plenty, so that the frozen test clock never holds a send back (one test checks the pacing itself).
            ["Pacing:Channels:zalo:MessagesPerSecond"] = "1000",
        };
        if (mode == ZaloMode.Webhook)
        {
            config["Zalo:Mode"] = "Webhook";
            config["Zalo:WebhookUrl"] = "https://bot.example.org" + WebhookPath;
            config["Zalo:WebhookSecret"] = WebhookSecret;
        }
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;
        var bot = await TestBot.StartAsync(settings: config, time: time, services: s =>
        {
            s.AddZaloTestCommands();
            s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
        });
        var zalo = new ZaloBot(api, bot, logs);
        // Polling needs no wait: queued updates stay in the fake until the poller asks. A webhook must be registered
        // first (the clock moves so that a scripted setWebhook failure's back-off passes).
        if (mode == ZaloMode.Webhook) await Eventually(() => api.WebhookUrl is not null, "the webhook to be registered", bot.Time);
        return zalo;
    }

    /// <summary>Where this host listens for webhook pushes (Kestrel on 127.0.0.1, a random port).</summary>
    public Uri WebhookEndpoint =>
        new(new Uri(Bot.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()), WebhookPath);

    /// <summary>A member writes <paramref name="text"/>; returns what the bot wrote back to that chat.</summary>
    public Task<IReadOnlyList<string>> SayAsync(string text, string userId = "u1", string? chatId = null, bool group = false, string name = "Nguyễn Văn An") =>
        DeliverAsync(ZaloFixtures.Text(text, userId, chatId, group, name), chatId ?? userId);

    /// <summary>
    /// Whether the clock moves on while <see cref="DeliverAsync"/> waits (as a real one would), for transcripts whose
    /// answers come in more parts than a chat's burst of three; off where a test needs the clock to stand still.
    /// </summary>
    public bool ClockMovesWhileWaiting { get; set; }

    /// <summary>
    /// Puts an event in getUpdates, waits until the bot has handled it, and returns its new messages to <paramref name="chatId"/>.
    /// With <paramref name="advanceClock"/> the clock moves on meanwhile, as a real one would: an answer in more parts
    /// than a chat's burst (three) is paced, and its last parts leave a moment later.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeliverAsync(JsonObject update, string chatId, bool? advanceClock = null)
    {
        var before = Api.SentTo(chatId).Count;
        var target = Interlocked.Increment(ref _delivered);
        Api.Enqueue(update);
        await WaitForHandledAsync(target, advanceClock ?? ClockMovesWhileWaiting);
        return [.. Api.SentTo(chatId).Skip(before)];
    }

    /// <summary>Counts an event that reaches the bot another way (a webhook push) so that later waits stay in step.</summary>
    public long ExpectOneMore() => Interlocked.Increment(ref _delivered);

    /// <summary>Completes when no turn is queued or running in the bot's inbox.</summary>
    public Task IdleAsync() => Bot.Services.GetRequiredService<Inbox>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

    public Task WaitForHandledAsync(long count, bool advanceClock = false) =>
        Eventually(() => Inbox.Handled >= count, $"the bot to handle event #{count}", advanceClock ? Time : null);

    /// <summary>
    /// Waits (in real time, up to 30 s on a loaded machine) for a condition; with a clock, moves it on in small steps
    /// meanwhile so back-offs pass. Stepping, rather than one jump, cannot outrun a delay the bot has not armed yet.
    /// </summary>
    public static async Task Eventually(Func<bool> condition, string what, FakeTimeProvider? advance = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"Timed out waiting for {what}.");
            advance?.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Api.DisposeAsync();
    }
}
