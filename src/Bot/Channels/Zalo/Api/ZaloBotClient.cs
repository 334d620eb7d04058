using System.Net.Http.Json;
using System.Text.Json;

namespace Bot.Channels.Zalo.Api;

/// <summary>
/// The Zalo Bot Platform API (zalo.md §1.2–1.3): POST JSON to {base}/bot{token}/{method}, answer {ok, result} or
/// {ok:false, error_code, description}. Every failure becomes a <see cref="ZaloApiException"/> whose text never
/// contains the token.
/// </summary>
public sealed class ZaloBotClient(IHttpClientFactory httpClients, IOptions<ZaloOptions> options, TimeProvider time)
{
    public const string HttpClientName = "zalo";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<ZaloBotInfo> GetMeAsync(CancellationToken ct)
    {
        var r = await CallAsync("getMe", null, CallTimeout, ct);
        return new ZaloBotInfo(ZaloUpdateParser.String(r, "id") ?? "", ZaloUpdateParser.String(r, "account_name"), ZaloUpdateParser.String(r, "display_name"));
    }

    /// <summary>
    /// The update that arrived (Zalo hands out one per call; should it ever send an array, all are kept), or none
    /// when nothing arrived within the poll timeout (Zalo's 408, or our own deadline).
    /// </summary>
    public async Task<IReadOnlyList<ZaloUpdate>> GetUpdatesAsync(CancellationToken ct)
    {
        var seconds = options.Value.PollTimeoutSeconds;
        try
        {
            // The docs type timeout as a string.
            var r = await CallAsync("getUpdates", new { Timeout = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) }, TimeSpan.FromSeconds(seconds + 10), ct);
            return ZaloUpdateParser.Parse(r);
        }
        catch (ZaloApiException ex) when (ex.ErrorCode == 408)
        {
            return [];
        }
    }

    /// <summary>The webhook Zalo posts to, or null when none is set (Zalo answers 404 then).</summary>
    public async Task<ZaloWebhookInfo?> GetWebhookInfoAsync(CancellationToken ct)
    {
        try
        {
            var r = await CallAsync("getWebhookInfo", null, CallTimeout, ct);
            return ZaloUpdateParser.String(r, "url") is { } url ? new ZaloWebhookInfo(url) : null;
        }
        catch (ZaloApiException ex) when (ex.ErrorCode == 404)
        {
            return null;
        }
    }

    public Task SetWebhookAsync(string url, string secret, CancellationToken ct) =>
        CallAsync("setWebhook", new { Url = url, SecretToken = secret }, CallTimeout, ct);

    public Task DeleteWebhookAsync(CancellationToken ct) => CallAsync("deleteWebhook", null, CallTimeout, ct);

    public async Task<ZaloSentMessage> SendMessageAsync(string chatId, string text, CancellationToken ct)
    {
        var r = await CallAsync("sendMessage", new { ChatId = chatId, Text = text }, CallTimeout, ct);
        return new ZaloSentMessage(ZaloUpdateParser.String(r, "message_id"));
    }

    public Task SendChatActionAsync(string chatId, string action, CancellationToken ct) =>
        CallAsync("sendChatAction", new { ChatId = chatId, Action = action }, CallTimeout, ct);

    /// <summary>Calls a method and returns its result (a clone, safe to keep).</summary>
    private async Task<JsonElement> CallAsync(string method, object? body, TimeSpan timeout, CancellationToken ct)
    {
        var o = options.Value;
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        var http = httpClients.CreateClient(HttpClientName);
        var uri = new Uri($"{o.ApiBaseUrl.TrimEnd('/')}/bot{o.Token}/{method}");
        try
        {
            using var content = JsonContent.Create(body ?? new { }, options: Json);
            using var response = await http.PostAsync(uri, content, linked.Token);
            var json = await response.Content.ReadAsStringAsync(linked.Token);
            return Read(method, (int)response.StatusCode, json, o.Token);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            // Our own deadline passed: the same as Zalo's 408 (for getUpdates, "nothing arrived").
            throw new ZaloApiException(method, 408, $"no answer within {timeout.TotalSeconds:0} s", ex);
        }
        catch (HttpRequestException ex)
        {
            // HttpRequestException names the host, never the path; redact anyway in case a proxy echoes it.
            throw new ZaloApiException(method, 0, Redact(ex.Message, o.Token));
        }
    }

    private static JsonElement Read(string method, int status, string json, string token)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(json);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            // A proxy's HTML error page, for instance: only the status is meaningful.
            throw new ZaloApiException(method, status is >= 200 and < 300 ? 502 : status, "answer is not JSON");
        }
        var ok = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
        if (ok && status is >= 200 and < 300)
            return root.TryGetProperty("result", out var result) ? result : default;
        var code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var n) ? n : status;
        if (code is >= 200 and < 300) code = 502; // "ok": false with a success status: treat as a server fault
        var description = root.ValueKind == JsonValueKind.Object ? ZaloUpdateParser.String(root, "description") ?? "" : "";
        throw new ZaloApiException(method, code, Redact(description, token));
    }

    internal static string Redact(string text, string token) =>
        token.Length == 0 ? text : text.Replace(token, "<token>", StringComparison.Ordinal);
}
