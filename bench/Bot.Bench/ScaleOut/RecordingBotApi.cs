using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Bench.ScaleOut;

/// <summary>
/// A fake Telegram Bot API over HTTP on 127.0.0.1 for the scale-out check. It records every accepted sendMessage
/// (chat, text, time) in arrival order and, when <c>limits</c> is on, enforces the flood limits as
/// <see cref="Broadcast.FakeBotApi"/> does (at most 30 messages in any second overall; one chat 1/s on average with a
/// burst of 3, i.e. at most 3 in any 3 s), answering 429 with retry_after and counting each such violation.
/// All instances share one token, so the limits are counted for the bot, not per process.
/// </summary>
public sealed class RecordingBotApi(bool limits) : IAsyncDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Burst = TimeSpan.FromSeconds(3);
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Queue<TimeSpan> _global = new();
    private readonly Dictionary<string, Queue<TimeSpan>> _chats = [];
    private readonly Dictionary<string, List<Sent>> _sent = [];
    private WebApplication? _app;
    private long _nextMessageId;
    private int _violations, _accepted, _chatViolations, _officerViolations;

    public sealed record Sent(string Text, TimeSpan At);

    public string Url { get; private set; } = "";
    public int Violations => Volatile.Read(ref _violations);

    /// <summary>Of <see cref="Violations"/>: those over one chat's limit (the rest: over the overall limit), and those to the officer's chat.</summary>
    public (int Chat, int Officer) ViolationsByKind => (Volatile.Read(ref _chatViolations), Volatile.Read(ref _officerViolations));
    public int Accepted => Volatile.Read(ref _accepted);
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>What one chat received so far, in order.</summary>
    public IReadOnlyList<Sent> To(string chat)
    {
        lock (_lock) return _sent.TryGetValue(chat, out var list) ? [.. list] : [];
    }

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
        var body = (raw.Trim().Length == 0 ? null : JsonNode.Parse(raw)) ?? new JsonObject();
        return method switch
        {
            "getMe" => Ok(new JsonObject { ["id"] = 4242, ["is_bot"] = true, ["first_name"] = "Bench", ["username"] = "bench_bot" }),
            "getUpdates" => Ok(new JsonArray()),
            "sendMessage" or "editMessageText" => Send(method, body),
            _ => Ok(true), // setWebhook, setMyCommands, answerCallbackQuery…
        };
    }

    private IResult Send(string method, JsonNode body)
    {
        var chat = body["chat_id"]?.ToString() ?? "";
        var text = body["text"]?.ToString() ?? "";
        lock (_lock)
        {
            var now = _clock.Elapsed;
            Trim(_global, now - Second);
            var log = _chats.TryGetValue(chat, out var l) ? l : _chats[chat] = new Queue<TimeSpan>();
            Trim(log, now - Burst);
            TimeSpan? wait = !limits ? null : _global.Count >= 30 ? _global.Peek() + Second - now : log.Count >= 3 ? log.Peek() + Burst - now : null;
            if (wait is { } w)
            {
                _violations++;
                if (_global.Count < 30) _chatViolations++;
                if (chat == "1") _officerViolations++;
                var retryAfter = Math.Max(1, (int)Math.Ceiling(w.TotalSeconds));
                return Results.Json(new JsonObject
                {
                    ["ok"] = false, ["error_code"] = 429, ["description"] = $"Too Many Requests: retry after {retryAfter}",
                    ["parameters"] = new JsonObject { ["retry_after"] = retryAfter },
                }, statusCode: 429);
            }
            _global.Enqueue(now);
            log.Enqueue(now);
            if (method == "sendMessage") (_sent.TryGetValue(chat, out var list) ? list : _sent[chat] = []).Add(new Sent(text, now));
            _accepted++;
        }
        return Ok(new JsonObject
        {
            ["message_id"] = method == "editMessageText" ? body["message_id"]?.GetValue<long>() ?? 0 : Interlocked.Increment(ref _nextMessageId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = long.Parse(chat, System.Globalization.CultureInfo.InvariantCulture), ["type"] = "private" },
            ["text"] = text,
        });
    }

    private static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    private static void Trim(Queue<TimeSpan> log, TimeSpan horizon)
    {
        while (log.Count > 0 && log.Peek() <= horizon) log.Dequeue();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
