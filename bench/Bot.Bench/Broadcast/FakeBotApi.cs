using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Bench.Broadcast;

/// <summary>
/// A Bot API on 127.0.0.1 that enforces Telegram's flood limits the way the Bot FAQ states them and answers
/// 429 with retry_after when a request would exceed one: at most <c>globalPerSecond</c> messages in any second
/// (all chats); one chat 1 per second on average, a short burst of 3 passing ("we may allow short bursts",
/// modelled as at most 3 in any 3 seconds); a group at most 20 in any minute. Rejected requests do not count.
/// It records every accepted message per chat, so duplicates can be counted, and answers the few other calls
/// the real Telegram channel makes at start (getMe, setMyCommands, deleteWebhook, an empty getUpdates).
/// </summary>
public sealed class FakeBotApi(double globalPerSecond, TimeSpan latency, IReadOnlySet<string> blocked) : IAsyncDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Burst = TimeSpan.FromSeconds(3);
    private readonly object _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Queue<TimeSpan> _global = new();
    private readonly Dictionary<string, Queue<TimeSpan>> _chats = [];
    private readonly int _globalLimit = (int)Math.Floor(globalPerSecond);
    private WebApplication? _app;
    private long _nextMessageId;
    private int _tooManyRequests, _accepted, _edits;

    /// <summary>Accepted sendMessage calls per chat id.</summary>
    public ConcurrentDictionary<string, int> Received { get; } = new();

    public int TooManyRequests => Volatile.Read(ref _tooManyRequests);
    public int Accepted => Volatile.Read(ref _accepted);
    public int Edits => Volatile.Read(ref _edits);
    public string Url { get; private set; } = "";

    public bool IsBlocked(string chatId) => blocked.Contains(chatId);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/bot{token}/{method}", HandleAsync);
        await _app.StartAsync();
        Url = _app.Urls.First();
    }

    private async Task<IResult> HandleAsync(string method, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync();
        var body = (raw.Trim().Length == 0 ? null : JsonNode.Parse(raw)) ?? new JsonObject(); // getMe comes without a body
        switch (method)
        {
            case "getMe":
                return Ok(new JsonObject { ["id"] = 4242, ["is_bot"] = true, ["first_name"] = "Bench", ["username"] = "bench_bot" });
            case "getUpdates":
                // A long poll with nothing to deliver: hold it (briefly), then answer "no updates".
                var timeout = Math.Min(2, body["timeout"]?.GetValue<int>() ?? 0);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(timeout), request.HttpContext.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // the bot stopped polling
                }
                return Ok(new JsonArray());
            case "sendMessage" or "editMessageText":
                if (latency > TimeSpan.Zero) await Task.Delay(latency);
                return Send(method, body);
            default:
                return Ok(true); // setMyCommands, deleteWebhook, answerCallbackQuery…
        }
    }

    private IResult Send(string method, JsonNode body)
    {
        var chat = body["chat_id"]?.ToString() ?? "";
        if (blocked.Contains(chat)) return Error(403, "Forbidden: bot was blocked by the user");
        lock (_lock)
        {
            var now = _clock.Elapsed;
            var group = chat.StartsWith('-');
            Trim(_global, now - Second);
            var log = _chats.TryGetValue(chat, out var l) ? l : _chats[chat] = new Queue<TimeSpan>();
            Trim(log, now - Minute);
            var recent = log.Where(t => t > now - Burst).ToList();
            TimeSpan? wait =
                _global.Count >= _globalLimit ? _global.Peek() + Second - now :
                recent.Count >= 3 ? recent[^3] + Burst - now :
                group && log.Count >= 20 ? log.Peek() + Minute - now : null;
            if (wait is { } w)
            {
                Interlocked.Increment(ref _tooManyRequests);
                var retryAfter = Math.Max(1, (int)Math.Ceiling(w.TotalSeconds));
                return Results.Json(new JsonObject
                {
                    ["ok"] = false,
                    ["error_code"] = 429,
                    ["description"] = $"Too Many Requests: retry after {retryAfter}",
                    ["parameters"] = new JsonObject { ["retry_after"] = retryAfter },
                }, statusCode: 429);
            }
            _global.Enqueue(now);
            log.Enqueue(now);
        }
        Interlocked.Increment(ref _accepted);
        long messageId;
        if (method == "editMessageText")
        {
            Interlocked.Increment(ref _edits);
            messageId = body["message_id"]?.GetValue<long>() ?? 0;
        }
        else
        {
            Received.AddOrUpdate(chat, 1, (_, n) => n + 1);
            messageId = Interlocked.Increment(ref _nextMessageId);
        }
        return Ok(new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = DateTimeOffset.UnixEpoch.AddTicks(_clock.Elapsed.Ticks).ToUnixTimeSeconds() + 1_700_000_000,
            ["chat"] = new JsonObject { ["id"] = long.Parse(chat, System.Globalization.CultureInfo.InvariantCulture), ["type"] = chat.StartsWith('-') ? "supergroup" : "private" },
            ["text"] = body["text"]?.ToString() ?? "",
        });
    }

    private static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    private static void Trim(Queue<TimeSpan> log, TimeSpan horizon)
    {
        while (log.Count > 0 && log.Peek() <= horizon) log.Dequeue();
    }

    private static IResult Error(int code, string description) =>
        Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description }, statusCode: code);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
