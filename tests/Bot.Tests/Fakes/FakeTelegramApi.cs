using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Fakes;

/// <summary>
/// An in-process Bot API (Kestrel on 127.0.0.1, random port) that behaves like Telegram as far as this bot can tell:
/// real long polling with offsets, full Message objects with dates in seconds, real error bodies and status codes,
/// group privacy mode, injected 429/403/409/migrations, and webhook pushes with the secret header.
/// Tests play members with <see cref="Say"/>, <see cref="Press"/>, <see cref="AddBotToGroup"/>, <see cref="Block"/>...
/// </summary>
public sealed partial class FakeTelegramApi : IAsyncDisposable
{
    public const long BotId = 7_012_345_678;
    public const string Token = "7012345678:AAF-fake_test_token_abcdefghijklmnop";
    public static readonly FakeUser Bot = new(BotId, "Trợ lý thi đua", null, "UnionTestBot", IsBot: true);

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _updates = [];
    private readonly Dictionary<long, FakeChat> _chats = [];
    private readonly Dictionary<(long Chat, int Id), FakeMessage> _messages = [];
    private readonly Dictionary<string, (FakeMessage Message, bool Answered)> _queries = [];
    private readonly List<FakeMessage> _botMessages = [];
    private readonly List<FakeCallbackAnswer> _answers = [];
    private readonly List<FakeCommandMenu> _menus = [];
    private readonly List<FakeApiCall> _calls = [];
    private readonly List<(string Method, long? Chat, int Status, JsonObject Body)> _failures = [];
    private readonly List<int> _webhookStatuses = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextUpdateId = 500_000_001;
    private long _nextQueryId = 4_000_000_000_000_000_001;
    private CancellationTokenSource? _openPoll;

    private FakeTelegramApi(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    public string BaseUrl { get; private set; } = "";
    public string[]? AllowedUpdates { get; private set; }
    public string? WebhookUrl { get; private set; }
    public string? WebhookSecret { get; private set; }

    /// <summary>Where webhook posts really go (the host's bound address); the path of the registered URL is kept.</summary>
    public Uri? WebhookTarget { get; set; }

    /// <summary>While set, sendMessage waits for it: a slow Telegram (or a slow turn) on demand.</summary>
    public TaskCompletionSource? HoldSends { get; set; }

    /// <summary>While set, setMyCommands waits for it: a command menu that takes long to publish (a round trip per request).</summary>
    public TaskCompletionSource? HoldMenus { get; set; }

    /// <summary>Extra context for a timeout message (the host's warnings and errors).</summary>
    public Func<string>? Diagnostics { get; set; }

    public int PollsStarted { get; private set; }
    public JsonObject? LastPoll { get; private set; }
    public int PollsAborted { get; private set; }
    public bool PollOpen { get; private set; }

    public static async Task<FakeTelegramApi> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeTelegramApi(app, time ?? TimeProvider.System);
        app.MapPost("/bot{token}/{method}", api.HandleAsync);
        app.MapGet("/bot{token}/{method}", api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return api;
    }

    // ---- what the bot did ----

    public IReadOnlyList<FakeMessage> BotMessages { get { lock (_gate) return [.. _botMessages]; } }
    public IReadOnlyList<FakeMessage> BotMessagesIn(FakeChat chat) { lock (_gate) return [.. _botMessages.Where(m => m.Chat.Id == chat.Id)]; }
    public IReadOnlyList<FakeCallbackAnswer> Answers { get { lock (_gate) return [.. _answers]; } }
    public IReadOnlyList<FakeCommandMenu> Menus { get { lock (_gate) return [.. _menus]; } }
    public IReadOnlyList<FakeApiCall> Calls { get { lock (_gate) return [.. _calls]; } }
    public IReadOnlyList<int> WebhookStatuses { get { lock (_gate) return [.. _webhookStatuses]; } }
    public int PendingUpdates { get { lock (_gate) return _updates.Count; } }
    public int LastUpdateId { get { lock (_gate) return _nextUpdateId - 1; } }

    public FakeMessage? Message(FakeChat chat, int id) { lock (_gate) return _messages.GetValueOrDefault((chat.Id, id)); }

    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Waits until <paramref name="probe"/> finds something after any change in the fake: 30 s at most by default, since
    /// a first answer that waits for the shared FAQ index took over 10 s on a loaded 2-core machine (no test waits for a
    /// timeout here, so passing tests are not slower for it).
    /// </summary>
    public async Task<T> WaitForAsync<T>(Func<FakeTelegramApi, T?> probe, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }
            if (probe(this) is { } found && (found is not bool b || b)) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"Timed out waiting for {what}. Bot API calls: {string.Join(", ", Calls.Select(c => $"{c.Method}={c.Status}"))}\n{Diagnostics?.Invoke()}");
            // Woken by any change in the fake; re-checked every 50 ms for conditions on the bot's side (its database).
            try { await changed.WaitAsync(left < Recheck ? left : Recheck); } catch (TimeoutException) { }
        }
    }

    public Task<FakeMessage> NextBotMessageAsync(FakeChat chat, int after, string what = "a message from the bot") =>
        WaitForAsync(a => a.BotMessagesIn(chat).Skip(after).FirstOrDefault(), what);

    public Task WaitForPollAsync(int atLeast = 1) =>
        WaitForAsync(a => a.PollOpen && a.PollsStarted >= atLeast, $"getUpdates #{atLeast} to be open");

    // ---- injected failures ----

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> (to <paramref name="chat"/> if given) fail like Telegram would.</summary>
    public void Fail(string method, int status, string description, JsonObject? parameters = null, FakeChat? chat = null, int times = 1)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = status, ["description"] = description };
        if (parameters is not null) body["parameters"] = parameters;
        lock (_gate)
            for (var i = 0; i < times; i++) _failures.Add((method, chat?.Id, status, body));
    }

    public void RateLimit(string method, int retryAfter, int times = 1) =>
        Fail(method, 429, $"Too Many Requests: retry after {retryAfter}", new JsonObject { ["retry_after"] = retryAfter }, times: times);

    /// <summary>What Telegram answers a poller when a second instance starts polling the same token.</summary>
    public void ConflictOnNextPoll() =>
        Fail("getUpdates", 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");

    private void Changed()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        old.TrySetResult();
    }

    private long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    public async ValueTask DisposeAsync()
    {
        _openPoll?.Cancel();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
