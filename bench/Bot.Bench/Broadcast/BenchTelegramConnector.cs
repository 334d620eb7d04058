using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bot.Builder.Activities;

namespace Bot.Bench.Broadcast;

/// <summary>
/// A minimal Telegram connector for the benchmark: sendMessage / editMessageText as JSON over HTTP, and the Bot
/// API's errors mapped to the channel-neutral failures the delivery road handles (429 → RateLimited with
/// retry_after, 403 and "chat not found" → Unreachable, migrate_to_chat_id → Migrated). No automatic 429 retry:
/// every 429 must reach the pacer, as with Telegram.Bot's RetryThreshold = 0.
/// </summary>
public sealed class BenchTelegramConnector(HttpClient http) : IChannelConnector
{
    public string Channel => "telegram";

    public ChannelCapabilities Capabilities { get; } = new() { Buttons = true, EditMessages = true, Html = true, MaxTextLength = 4096 };

    public async Task<string?> SendAsync(ConversationAddress to, Reply reply, CancellationToken cancellationToken)
    {
        var edit = reply.EditMessageId is not null;
        var body = new JsonObject { ["chat_id"] = to.ChatId, ["text"] = reply.Text, ["parse_mode"] = "HTML" };
        if (edit) body["message_id"] = long.Parse(reply.EditMessageId!, CultureInfo.InvariantCulture);
        JsonNode? answer;
        try
        {
            using var response = await http.PostAsJsonAsync(edit ? "editMessageText" : "sendMessage", body, cancellationToken);
            answer = await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ChannelSendException(SendFailure.Transient, ex.Message, ex);
        }
        if (answer?["ok"]?.GetValue<bool>() == true)
            return answer["result"]?["message_id"]?.ToString();
        var code = answer?["error_code"]?.GetValue<int>() ?? 0;
        var description = answer?["description"]?.ToString() ?? "";
        var parameters = answer?["parameters"];
        if (parameters?["migrate_to_chat_id"] is { } newId)
            throw new ChannelSendException(SendFailure.Migrated, description) { MigratedToChatId = newId.ToString() };
        throw code switch
        {
            429 => new ChannelSendException(SendFailure.RateLimited, description)
            {
                RetryAfter = TimeSpan.FromSeconds(Math.Max(1, parameters?["retry_after"]?.GetValue<int>() ?? 1)),
            },
            403 => new ChannelSendException(SendFailure.Unreachable, description),
            400 when description.Contains("chat not found", StringComparison.OrdinalIgnoreCase) => new ChannelSendException(SendFailure.Unreachable, description),
            >= 500 => new ChannelSendException(SendFailure.Transient, description),
            _ => new ChannelSendException(SendFailure.Permanent, description),
        };
    }

    public Task AnswerButtonAsync(Activity activity, string? text, CancellationToken cancellationToken) => Task.CompletedTask;
}
