using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Bot.Bench.ScaleOut;

/// <summary>
/// Members (and the officer) talking to the bot through the load balancer, as Telegram would post their updates:
/// unique update_ids, each update posted again (after 1 s) until it gets a 200. Remembers when each was first posted
/// and whether it was acknowledged.
/// </summary>
public sealed class Traffic(string webhookUrl, RecordingBotApi api)
{
    public const string Secret = "bench-scaleout-secret";
    public const long OfficerChat = 1;
    private static long _nextUpdateId = 5_000_000;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly ConcurrentDictionary<long, int> _messageIds = new();

    public sealed record Posted(long Chat, int Step, TimeSpan At, bool Acknowledged);

    public ConcurrentBag<Posted> All { get; } = [];
    public int Sent => All.Count;

    public static string ChatOf(int member) => (800_000 + member).ToString(CultureInfo.InvariantCulture);

    /// <summary>Posts one message until acknowledged (at most 30 tries, as Telegram gives up eventually too).</summary>
    public async Task<bool> SendAsync(long chat, string text, int step = -1)
    {
        var messageId = _messageIds.AddOrUpdate(chat, 1, (_, n) => n + 1);
        var update = Update(Interlocked.Increment(ref _nextUpdateId), messageId, chat, text);
        var at = api.Now;
        for (var attempt = 0; attempt < 30; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new StringContent(update, Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
                using var response = await _http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    All.Add(new Posted(chat, step, at, true));
                    return true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // no answer: Telegram sends it again later
            }
            await Task.Delay(1000);
        }
        All.Add(new Posted(chat, step, at, false));
        return false;
    }

    /// <summary>Waits until <paramref name="chat"/> has received a message matching <paramref name="match"/> (or the timeout).</summary>
    public async Task<bool> WaitForAsync(long chat, Func<string, bool> match, TimeSpan timeout, int count = 1)
    {
        var key = chat.ToString(CultureInfo.InvariantCulture);
        var deadline = api.Now + timeout;
        while (api.Now < deadline)
        {
            if (api.To(key).Count(m => match(m.Text)) >= count) return true;
            await Task.Delay(20);
        }
        return false;
    }

    private static string Update(long updateId, int messageId, long chat, string text)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
            ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = "Đoàn viên" },
            ["from"] = new JsonObject { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "Đoàn viên", ["language_code"] = "vi" },
        };
        if (text.StartsWith('/'))
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = text.Split(' ')[0].Length });
        return new JsonObject { ["update_id"] = updateId, ["message"] = message }.ToJsonString();
    }
}
