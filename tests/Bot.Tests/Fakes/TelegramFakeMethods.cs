using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bot.Tests.Fakes;

/// <summary>The Bot API methods the bot uses, with Telegram's checks and error texts.</summary>
public sealed partial class FakeTelegramApi
{
    private async Task HandleAsync(HttpContext context)
    {
        var token = (string)context.GetRouteValue("token")!;
        var method = (string)context.GetRouteValue("method")!;
        var request = await ReadRequestAsync(context.Request);
        (int Status, JsonNode? Body) result;
        if (token != Token) result = Error(401, "Unauthorized");
        else if (TakeFailure(method, request) is { } failure) result = failure;
        else result = method.ToLowerInvariant() switch
        {
            "getme" => Ok(Bot.ToJson()),
            "getupdates" => await GetUpdatesAsync(request, context.RequestAborted),
            "sendmessage" => await SendMessageAsync(request),
            "senddocument" => SendDocument(request),
            "editmessagetext" => EditMessageText(request),
            "editmessagereplymarkup" => EditMessageReplyMarkup(request),
            "answercallbackquery" => AnswerCallbackQuery(request),
            "setmycommands" => await SetMyCommandsAsync(request),
            "setwebhook" => SetWebhook(request),
            "deletewebhook" => DeleteWebhook(),
            _ => Error(404, "Not Found"),
        };
        lock (_gate) _calls.Add(new FakeApiCall(method, result.Status, request, _time.GetUtcNow()));
        Changed();
        if (context.RequestAborted.IsCancellationRequested) return;
        context.Response.StatusCode = result.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(result.Body!.ToJsonString());
    }

    private (int, JsonNode?) SendMessageCore(FakeChat chat, JsonObject request, string textField, int maxLength, Func<FakeMessage, FakeMessage>? shape = null)
    {
        var raw = (string?)request[textField] ?? "";
        if (textField == "text" && raw.Trim().Length == 0) return Error(400, "Bad Request: message text is empty");
        if (Parse(raw, request) is not { } text) return Error(400, ParseError(raw));
        if (text.Length > maxLength) return Error(400, textField == "text" ? "Bad Request: message is too long" : "Bad Request: message caption is too long");
        if (CheckKeyboard(request["reply_markup"]) is { } bad) return bad;
        lock (_gate)
        {
            var replyTo = request["reply_parameters"] is JsonObject rp ? _messages.GetValueOrDefault((chat.Id, (int)rp["message_id"]!)) : null;
            if (request["reply_parameters"] is JsonObject p && replyTo is null && (bool?)p["allow_sending_without_reply"] != true)
                return Error(400, "Bad Request: message to be replied not found");
            var message = new FakeMessage
            {
                Id = chat.NextMessageId++, Chat = chat, From = Bot, Date = Now, ReplyTo = replyTo,
                Text = textField == "text" ? text : null, SentHtml = raw, ParseMode = (string?)request["parse_mode"],
                ReplyMarkup = request["reply_markup"]?.DeepClone() as JsonObject,
                DocumentName = (string?)(request["document"] as JsonObject)?["file_name"], Caption = textField == "caption" ? text : null,
            };
            if (message.ReplyMarkup is { } keyboard) message.PastKeyboards.Add(keyboard);
            _messages[(chat.Id, message.Id)] = message;
            _botMessages.Add(message);
            chat.LastBotMessageWasOurs = true;
            return Ok(message.ToJson());
        }
    }

    private async Task<(int, JsonNode?)> SendMessageAsync(JsonObject request)
    {
        if (HoldSends is { } hold) await hold.Task;
        return Reachable(request, out var chat) is { } refused ? refused : SendMessageCore(chat!, request, "text", 4096);
    }

    private (int, JsonNode?) SendDocument(JsonObject request) =>
        Reachable(request, out var chat) is { } refused ? refused : SendMessageCore(chat!, request, "caption", 1024);

    private (int, JsonNode?) EditMessageText(JsonObject request)
    {
        if (Reachable(request, out var chat) is { } refused) return refused;
        var raw = (string?)request["text"] ?? "";
        if (Parse(raw, request) is not { } text) return Error(400, ParseError(raw));
        if (CheckKeyboard(request["reply_markup"]) is { } bad) return bad;
        lock (_gate)
        {
            if (!_messages.TryGetValue((chat!.Id, (int)request["message_id"]!), out var message) || !message.FromBot)
                return Error(400, "Bad Request: message to edit not found");
            var markup = request["reply_markup"]?.DeepClone() as JsonObject;
            if (message.Text == text && JsonNode.DeepEquals(message.ReplyMarkup, markup))
                return Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            message.Text = text;
            message.SentHtml = raw;
            message.ReplyMarkup = markup;
            if (markup is not null) message.PastKeyboards.Add(markup);
            return Ok(message.ToJson());
        }
    }

    private (int, JsonNode?) EditMessageReplyMarkup(JsonObject request)
    {
        if (Reachable(request, out var chat) is { } refused) return refused;
        lock (_gate)
        {
            if (!_messages.TryGetValue((chat!.Id, (int)request["message_id"]!), out var message) || !message.FromBot)
                return Error(400, "Bad Request: message to edit not found");
            var markup = request["reply_markup"] is JsonObject m && m["inline_keyboard"] is JsonArray { Count: > 0 } ? (JsonObject)m.DeepClone() : null;
            if (JsonNode.DeepEquals(message.ReplyMarkup, markup))
                return Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            message.ReplyMarkup = markup;
            if (markup is not null) message.PastKeyboards.Add(markup);
            return Ok(message.ToJson());
        }
    }

    private (int, JsonNode?) AnswerCallbackQuery(JsonObject request)
    {
        var id = (string?)request["callback_query_id"] ?? "";
        var text = (string?)request["text"];
        lock (_gate)
        {
            if (!_queries.TryGetValue(id, out var query) || query.Answered)
                return Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
            if (text is { Length: > 200 }) return Error(400, "Bad Request: MESSAGE_TOO_LONG");
            _queries[id] = (query.Message, true);
            _answers.Add(new FakeCallbackAnswer(id, text));
            return Ok(true);
        }
    }

    private async Task<(int, JsonNode?)> SetMyCommandsAsync(JsonObject request)
    {
        if (HoldMenus is { } hold) await hold.Task;
        return SetMyCommands(request);
    }

    private (int, JsonNode?) SetMyCommands(JsonObject request)
    {
        var commands = request["commands"] as JsonArray ?? [];
        var list = commands.OfType<JsonObject>().Select(c => ((string)c["command"]!, (string)c["description"]!)).ToList();
        if (list.Count > 100 || list.Any(c => !CommandName().IsMatch(c.Item1))) return Error(400, "Bad Request: BOT_COMMAND_INVALID");
        if (list.Any(c => c.Item2.Length is 0 or > 256)) return Error(400, "Bad Request: command description must be non-empty and at most 256 characters");
        var scope = request["scope"] as JsonObject;
        var type = (string?)scope?["type"] ?? "default";
        var chatId = scope?["chat_id"] is { } c ? ChatIdOf(c) : (long?)null;
        lock (_gate)
        {
            if (chatId is { } id && !_chats.ContainsKey(id)) return Error(400, "Bad Request: chat not found");
            _menus.RemoveAll(m => m.Scope == type && m.ChatId == chatId && m.LanguageCode == (string?)request["language_code"]);
            _menus.Add(new FakeCommandMenu(type, chatId, (string?)request["language_code"], list));
        }
        return Ok(true);
    }

    private (int, JsonNode?) SetWebhook(JsonObject request)
    {
        var secret = (string?)request["secret_token"];
        if (secret is not null && !Regex.IsMatch(secret, "^[A-Za-z0-9_-]{1,256}$")) return Error(400, "Bad Request: secret token contains unallowed characters");
        lock (_gate)
        {
            WebhookUrl = (string?)request["url"] is { Length: > 0 } url ? url : null;
            WebhookSecret = secret;
            if (request["allowed_updates"] is JsonArray allowed) AllowedUpdates = [.. allowed.Select(a => (string)a!)];
        }
        return Ok(true);
    }

    private (int, JsonNode?) DeleteWebhook()
    {
        lock (_gate) WebhookUrl = null;
        return Ok(true);
    }

    /// <summary>Is the chat there, and may the bot write to it? Answers exactly as Telegram does when not.</summary>
    private (int, JsonNode?)? Reachable(JsonObject request, out FakeChat? chat)
    {
        lock (_gate) chat = request["chat_id"] is { } id ? _chats.GetValueOrDefault(ChatIdOf(id)) : null;
        if (chat is null) return Error(400, "Bad Request: chat not found");
        if (chat.MigratedTo is { } newId)
            return Error(400, "Bad Request: group chat was upgraded to a supergroup chat", new JsonObject { ["migrate_to_chat_id"] = newId });
        if (chat.BotBlocked) return Error(403, "Forbidden: bot was blocked by the user");
        if (!chat.BotMember) return Error(403, "Forbidden: bot was kicked from the group chat");
        return null;
    }

    private static (int, JsonNode?)? CheckKeyboard(JsonNode? markup)
    {
        var buttons = (markup?["inline_keyboard"] as JsonArray)?.OfType<JsonArray>().SelectMany(r => r.OfType<JsonObject>()) ?? [];
        foreach (var b in buttons)
            if (b["callback_data"] is { } data && Encoding.UTF8.GetByteCount((string)data!) is 0 or > 64)
                return Error(400, "Bad Request: BUTTON_DATA_INVALID");
        return null;
    }

    private (int, JsonNode?)? TakeFailure(string method, JsonObject request)
    {
        var chat = request["chat_id"] is { } c ? ChatIdOf(c) : (long?)null;
        lock (_gate)
        {
            var i = _failures.FindIndex(f => string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase) && (f.Chat is null || f.Chat == chat));
            if (i < 0) return null;
            var failure = _failures[i];
            _failures.RemoveAt(i);
            return (failure.Status, failure.Body.DeepClone());
        }
    }

    private static string? Parse(string raw, JsonObject request) =>
        (string?)request["parse_mode"] is { } mode && mode.Equals("HTML", StringComparison.OrdinalIgnoreCase)
            ? (TelegramFakeHtml.TryParse(raw, out var text, out _) ? text : null)
            : raw;

    private static string ParseError(string raw) => TelegramFakeHtml.TryParse(raw, out _, out var error) ? "" : error!;

    private static long ChatIdOf(JsonNode node) => node.GetValueKind() == System.Text.Json.JsonValueKind.Number ? (long)node : long.Parse((string)node!, System.Globalization.CultureInfo.InvariantCulture);

    private static (int, JsonNode?) Ok(JsonNode? result) => (200, new JsonObject { ["ok"] = true, ["result"] = result?.DeepClone() });

    private static (int, JsonNode?) Error(int status, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = status, ["description"] = description };
        if (parameters is not null) body["parameters"] = parameters;
        return (status, body);
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();
}
