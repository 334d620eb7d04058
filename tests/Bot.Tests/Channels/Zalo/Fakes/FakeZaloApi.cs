using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Channels.Zalo.Fakes;

/// <summary>
/// The Zalo Bot API as zalo.md §1 and §5.5 describe it, in-process on 127.0.0.1 with a random port:
/// POST /bot{token}/{method}, a wrong token → 401, getUpdates hands out one scripted update per call or 408
/// after the requested timeout, sendMessage checks 1–2000 characters, the webhook state is kept (and blocks
/// getUpdates), and failures can be scripted per method.
/// </summary>
public sealed class FakeZaloApi : IAsyncDisposable
{
    public const string Token = "1459232241454765289:fAkE-t0ken_for-tests";
    public const string BotDisplayName = "Trợ lý Thi đua";

    private readonly WebApplication _app;
    private readonly Channel<string> _updates = Channel.CreateUnbounded<string>();
    private readonly ConcurrentQueue<ApiCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Code, string Description)>> _failures = new();
    private readonly Lock _gate = new();
    private int _nextId;

    private FakeZaloApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public string? WebhookUrl { get; private set; }
    public string? WebhookSecret { get; private set; }

    /// <summary>The clock calls are stamped with (tests set the bot's fake clock, to check pauses between calls).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>When set, getUpdates never answers (to test the client's own timeout).</summary>
    public bool HangGetUpdates { get; set; }

    public IReadOnlyList<ApiCall> Calls => [.. _calls];
    public IReadOnlyList<ApiCall> CallsTo(string method) => [.. _calls.Where(c => c.Method == method)];
    public IReadOnlyList<SentMessage> Sent => [.. _calls.Where(c => c.Method == "sendMessage" && c.Status == 200).Select(c => new SentMessage(c.Str("chat_id"), c.Str("text")))];
    public IReadOnlyList<string> SentTo(string chatId) => [.. Sent.Where(m => m.ChatId == chatId).Select(m => m.Text)];

    public static async Task<FakeZaloApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeZaloApi(app);
        app.MapPost("/bot{token}/{method}", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return fake;
    }

    /// <summary>Makes the next <paramref name="times"/> calls of a method fail with this error code.</summary>
    public void Fail(string method, int code, string description = "scripted failure", int times = 1)
    {
        var queue = _failures.GetOrAdd(method, _ => new());
        for (var i = 0; i < times; i++) queue.Enqueue((code, description));
    }

    /// <summary>A webhook registered earlier (e.g. by a run in Webhook mode).</summary>
    public void PresetWebhook(string url, string secret)
    {
        lock (_gate) (WebhookUrl, WebhookSecret) = (url, secret);
    }

    /// <summary>Queues an update for getUpdates, as the {ok, result} envelope Zalo answers with.</summary>
    public void Enqueue(JsonNode update) => _updates.Writer.TryWrite(new JsonObject { ["ok"] = true, ["result"] = update.DeepClone() }.ToJsonString());

    public int PendingUpdates => _updates.Reader.Count;

    /// <summary>Posts an event to the bot's webhook like Zalo does, with the given secret header (or none).</summary>
    public async Task<HttpResponseMessage> PushAsync(Uri endpoint, string body, string? secret)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add("X-Bot-Api-Secret-Token", secret);
        return await http.SendAsync(request);
    }

    private async Task<IResult> HandleAsync(string token, string method, HttpContext http)
    {
        var at = Clock.GetUtcNow();
        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            body = [];
        }
        var (status, result) = token != Token ? Error(401, "Unauthorized") : await AnswerAsync(method, body, http.RequestAborted);
        _calls.Enqueue(new ApiCall(method, body, status, at));
        return Results.Json(result, statusCode: status);
    }

    private async Task<(int, JsonObject)> AnswerAsync(string method, JsonObject body, CancellationToken aborted)
    {
        if (_failures.TryGetValue(method, out var failures) && failures.TryDequeue(out var failure)) return Error(failure.Code, failure.Description);
        switch (method)
        {
            case "getMe":
                return Ok(new JsonObject { ["id"] = "1459232241454765289", ["account_name"] = "bot.VDKyGxQvc", ["account_type"] = "BASIC", ["can_join_groups"] = false, ["display_name"] = BotDisplayName });
            case "getUpdates":
                return await NextUpdateAsync(body, aborted);
            case "sendMessage":
                var text = body["text"]?.GetValue<string>() ?? "";
                if (body["chat_id"] is null || text.Length is < 1 or > 2000) return Error(400, "Bad Request: text must be 1-2000 characters");
                return Ok(new JsonObject { ["message_id"] = NewId(), ["date"] = Clock.GetUtcNow().ToUnixTimeMilliseconds() });
            case "sendChatAction":
                return (200, new JsonObject { ["ok"] = true });
            case "setWebhook":
                var url = body["url"]?.GetValue<string>() ?? "";
                var secret = body["secret_token"]?.GetValue<string>() ?? "";
                if (!url.StartsWith("https://", StringComparison.Ordinal) || secret.Length is < 8 or > 256) return Error(400, "Bad Request: url must be https, secret_token 8-256 characters");
                lock (_gate) (WebhookUrl, WebhookSecret) = (url, secret);
                return Ok(new JsonObject { ["url"] = url, ["updated_at"] = Clock.GetUtcNow().ToUnixTimeMilliseconds() });
            case "deleteWebhook":
                lock (_gate) (WebhookUrl, WebhookSecret) = (null, null);
                return Ok(new JsonObject { ["url"] = "", ["updated_at"] = Clock.GetUtcNow().ToUnixTimeMilliseconds() });
            case "getWebhookInfo":
                return WebhookUrl is { } current ? Ok(new JsonObject { ["url"] = current, ["updated_at"] = 1749633372026 }) : Error(404, "Not Found");
            default:
                return Error(400, "Bad Request: unknown method");
        }
    }

    private async Task<(int, JsonObject)> NextUpdateAsync(JsonObject body, CancellationToken aborted)
    {
        if (WebhookUrl is not null) return Error(400, "Bad Request: webhook is set, getUpdates is not available");
        var seconds = int.TryParse(body["timeout"]?.ToString(), out var s) ? s : 30;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        if (!HangGetUpdates) wait.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            while (await _updates.Reader.WaitToReadAsync(wait.Token))
                if (_updates.Reader.TryRead(out var json)) return (200, JsonNode.Parse(json)!.AsObject());
        }
        catch (OperationCanceledException)
        {
        }
        return Error(408, "Request timeout");
    }

    private string NewId() => $"{Interlocked.Increment(ref _nextId):x20}";

    private static (int, JsonObject) Ok(JsonObject result) => (200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static (int, JsonObject) Error(int code, string description) =>
        (code, new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A call the fake answered: what was asked, the status it got, and when it arrived (by <see cref="FakeZaloApi.Clock"/>).</summary>
public sealed record ApiCall(string Method, JsonObject Body, int Status, DateTimeOffset At)
{
    public string Str(string name) => Body[name]?.ToString() ?? "";
}

public sealed record SentMessage(string ChatId, string Text);
