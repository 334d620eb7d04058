using System.Text.Json.Nodes;

namespace Bot.Tests.Fakes;

/// <summary>A Telegram user as the fake Bot API knows them.</summary>
public sealed record FakeUser(long Id, string FirstName, string? LanguageCode = "vi", string? Username = null, bool IsBot = false)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id, ["is_bot"] = IsBot, ["first_name"] = FirstName };
        if (Username is not null) json["username"] = Username;
        if (LanguageCode is not null) json["language_code"] = LanguageCode;
        return json;
    }
}

public enum FakeChatType { Private, Group, Supergroup }

/// <summary>A chat. <see cref="SeesAllMessages"/> is a bot that is admin (or has privacy mode off): it gets plain group text too.</summary>
public sealed class FakeChat(long id, FakeChatType type, string title)
{
    public long Id { get; } = id;
    public FakeChatType Type { get; } = type;
    public string Title { get; } = title;
    public bool SeesAllMessages { get; set; }
    public bool BotBlocked { get; set; }
    public bool BotMember { get; set; } = true;
    public long? MigratedTo { get; set; }
    public bool LastBotMessageWasOurs { get; set; }
    internal int NextMessageId { get; set; } = 1;

    public JsonObject ToJson() => Type switch
    {
        FakeChatType.Private => new JsonObject { ["id"] = Id, ["type"] = "private", ["first_name"] = Title },
        FakeChatType.Group => new JsonObject { ["id"] = Id, ["type"] = "group", ["title"] = Title },
        _ => new JsonObject { ["id"] = Id, ["type"] = "supergroup", ["title"] = Title },
    };
}

/// <summary>A message in a chat, from a member or from the bot. <see cref="Text"/> is what the reader sees (HTML parsed).</summary>
public sealed class FakeMessage
{
    public required int Id { get; init; }
    public required FakeChat Chat { get; init; }
    public required FakeUser From { get; init; }
    public required long Date { get; init; }
    public string? Text { get; set; }
    public string? SentHtml { get; set; }
    public string? ParseMode { get; set; }
    public FakeMessage? ReplyTo { get; init; }
    public JsonObject? ReplyMarkup { get; set; }

    /// <summary>Every keyboard the message ever had, so a stale client's press can be played.</summary>
    public List<JsonObject> PastKeyboards { get; } = [];
    public string? DocumentName { get; init; }
    public string? Caption { get; init; }
    public JsonObject? Extra { get; init; }

    public bool FromBot => From.IsBot;

    /// <summary>Labels and callback data of the inline keyboard, row by row.</summary>
    public IReadOnlyList<(string Label, string? Data, string? Url)> Buttons => ButtonsOf(ReplyMarkup);

    public static IReadOnlyList<(string Label, string? Data, string? Url)> ButtonsOf(JsonObject? markup) =>
        markup?["inline_keyboard"] is JsonArray rows
            ? [.. rows.OfType<JsonArray>().SelectMany(r => r.OfType<JsonObject>())
                .Select(b => ((string)b["text"]!, (string?)b["callback_data"], (string?)b["url"]))]
            : [];

    public JsonObject ToJson(bool withReply = true)
    {
        var json = new JsonObject
        {
            ["message_id"] = Id,
            ["from"] = From.ToJson(),
            ["chat"] = Chat.ToJson(),
            ["date"] = Date,
        };
        if (Text is not null)
        {
            json["text"] = Text;
            if (!FromBot && Text.StartsWith('/'))
                json["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = Text.Split(' ')[0].Length });
        }
        if (DocumentName is not null)
            json["document"] = new JsonObject { ["file_id"] = $"doc-{Chat.Id}-{Id}", ["file_unique_id"] = $"u{Id}", ["file_name"] = DocumentName };
        if (Caption is { Length: > 0 }) json["caption"] = Caption;
        if (withReply && ReplyTo is not null) json["reply_to_message"] = ReplyTo.ToJson(withReply: false);
        if (ReplyMarkup is not null) json["reply_markup"] = ReplyMarkup.DeepClone();
        foreach (var (key, value) in Extra ?? []) json[key] = value?.DeepClone();
        return json;
    }
}

public sealed record FakeCallbackAnswer(string QueryId, string? Text);

public sealed record FakeCommandMenu(string Scope, long? ChatId, string? LanguageCode, IReadOnlyList<(string Command, string Description)> Commands)
{
    public IEnumerable<string> Names => Commands.Select(c => c.Command);
}

/// <summary>One answered API call, for assertions about what the bot asked (and what it was told).</summary>
public sealed record FakeApiCall(string Method, int Status, JsonObject Request, DateTimeOffset At);
