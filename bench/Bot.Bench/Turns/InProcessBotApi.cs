using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Bench.Turns;

/// <summary>
/// The Bot API answered in-process (no sockets), as the grammY peer's local fetch does: Telegram.Bot serializes each
/// call for real and parses back a plausible answer. Counts sendMessage calls; everything else answers <c>true</c>.
/// </summary>
public sealed class InProcessBotApi : HttpMessageHandler
{
    public const long BotId = 7000000001;
    private static readonly string Me = new JsonObject
    {
        ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "BenchBot", ["username"] = "bench_bot",
        ["can_join_groups"] = true, ["can_read_all_group_messages"] = false, ["supports_inline_queries"] = false,
    }.ToJsonString();

    private long _sent;
    private long _messageIds;

    public long Sent => Interlocked.Read(ref _sent);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var method = path[(path.LastIndexOf('/') + 1)..];
        string result;
        switch (method)
        {
            case "getMe":
                result = Me;
                break;
            case "sendMessage":
                var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
                Interlocked.Increment(ref _sent);
                result = new JsonObject
                {
                    ["message_id"] = Interlocked.Increment(ref _messageIds),
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["chat"] = new JsonObject { ["id"] = body?["chat_id"]?.DeepClone(), ["type"] = "private" },
                    ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "BenchBot", ["username"] = "bench_bot" },
                    ["text"] = body?["text"]?.DeepClone(),
                }.ToJsonString();
                break;
            case "getUpdates":
                result = "[]";
                break;
            default:
                result = "true";
                break;
        }
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($$"""{"ok":true,"result":{{result}}}""", Encoding.UTF8, "application/json"),
        };
    }

    /// <summary>A private-chat text message from user <paramref name="user"/> as Telegram sends it (the peer's shape).</summary>
    public static byte[] Update(long updateId, int user, string text)
    {
        var id = 100000 + user;
        var from = new JsonObject { ["id"] = id, ["is_bot"] = false, ["first_name"] = "Người dùng", ["last_name"] = user.ToString(System.Globalization.CultureInfo.InvariantCulture), ["language_code"] = "vi" };
        var message = new JsonObject
        {
            ["message_id"] = updateId,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = id, ["type"] = "private", ["first_name"] = "Người dùng", ["last_name"] = from["last_name"]!.DeepClone() },
            ["from"] = from,
            ["text"] = text,
        };
        if (text.StartsWith('/')) message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = text.Split(' ')[0].Length });
        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["update_id"] = updateId, ["message"] = message });
    }
}
