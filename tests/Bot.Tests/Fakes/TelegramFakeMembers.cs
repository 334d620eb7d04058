using System.Text.Json.Nodes;

namespace Bot.Tests.Fakes;

/// <summary>What members (and Telegram itself) do in the fake: write, press buttons, add or block the bot, upgrade groups.</summary>
public sealed partial class FakeTelegramApi
{
    public FakeChat PrivateChat(FakeUser user) => Chat(user.Id, FakeChatType.Private, user.FirstName);

    public FakeChat Group(long id, string title, bool seesAllMessages = false, bool supergroup = false)
    {
        var chat = Chat(id, supergroup ? FakeChatType.Supergroup : FakeChatType.Group, title);
        chat.SeesAllMessages = seesAllMessages;
        return chat;
    }

    private FakeChat Chat(long id, FakeChatType type, string title)
    {
        lock (_gate)
        {
            if (!_chats.TryGetValue(id, out var chat)) _chats[id] = chat = new FakeChat(id, type, title);
            return chat;
        }
    }

    /// <summary>
    /// A member writes. Group privacy mode decides whether the bot gets it: commands addressed to this bot, general
    /// commands when this bot spoke last, replies to the bot — or everything where the bot sees all messages.
    /// Returns the message and whether it was delivered.
    /// </summary>
    public (FakeMessage Message, bool Delivered) Say(FakeUser from, FakeChat chat, string text, FakeMessage? replyTo = null)
    {
        var message = NewMessage(chat, from, m => m.Text = text, replyTo);
        var delivered = chat.Type == FakeChatType.Private || chat.SeesAllMessages || IsForThisBot(chat, text, replyTo);
        if (delivered) Enqueue(new JsonObject { ["message"] = message.ToJson() });
        return (message, delivered);
    }

    /// <summary>Something that is not text (a sticker), which privacy mode delivers in groups only as a reply to the bot.</summary>
    public FakeMessage SendSticker(FakeUser from, FakeChat chat, FakeMessage? replyTo = null)
    {
        var message = NewMessage(chat, from, _ => { }, replyTo, new JsonObject
        {
            ["sticker"] = new JsonObject { ["file_id"] = "st1", ["file_unique_id"] = "st1u", ["type"] = "regular", ["width"] = 512, ["height"] = 512, ["is_animated"] = false, ["is_video"] = false },
        });
        if (chat.Type == FakeChatType.Private || chat.SeesAllMessages || replyTo?.FromBot == true)
            Enqueue(new JsonObject { ["message"] = message.ToJson() });
        return message;
    }

    /// <summary>A member presses a button of a bot message. Refuses (like a real client) a keyboard that is gone, unless forced.</summary>
    public string Press(FakeUser from, FakeMessage botMessage, string label, bool evenIfGone = false)
    {
        string id;
        JsonObject update;
        lock (_gate)
        {
            var current = _messages[(botMessage.Chat.Id, botMessage.Id)];
            var data = current.Buttons.FirstOrDefault(b => b.Label == label).Data
                ?? (evenIfGone ? current.PastKeyboards.SelectMany(FakeMessage.ButtonsOf).FirstOrDefault(b => b.Label == label).Data : null)
                ?? throw new InvalidOperationException($"No button '{label}' on message {botMessage.Id}: {string.Join(", ", current.Buttons.Select(b => b.Label))}");
            id = (_nextQueryId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _queries[id] = (current, false);
            update = new JsonObject
            {
                ["callback_query"] = new JsonObject
                {
                    ["id"] = id,
                    ["from"] = from.ToJson(),
                    ["message"] = current.ToJson(),
                    ["chat_instance"] = "-" + botMessage.Chat.Id,
                    ["data"] = data,
                },
            };
        }
        Enqueue(update);
        return id;
    }

    public void AddBotToGroup(FakeUser by, FakeChat group)
    {
        group.BotMember = true;
        Enqueue(MemberUpdate(by, group, "left", "member"));
    }

    public void RemoveBotFromGroup(FakeUser by, FakeChat group)
    {
        group.BotMember = false;
        Enqueue(MemberUpdate(by, group, "member", "left"));
    }

    /// <summary>The member blocks the bot: Telegram tells the bot (my_chat_member) and refuses every later send with 403.</summary>
    public void Block(FakeUser user, bool tellTheBot = true)
    {
        var chat = PrivateChat(user);
        chat.BotBlocked = true;
        if (tellTheBot) Enqueue(MemberUpdate(user, chat, "member", "kicked"));
    }

    /// <summary>
    /// The group becomes a supergroup with a new id. Sends to the old id then fail with migrate_to_chat_id; with
    /// <paramref name="announce"/> the bot also gets the two service messages Telegram sends.
    /// </summary>
    public FakeChat UpgradeToSupergroup(FakeChat group, long newId, bool announce = true)
    {
        var super = Group(newId, group.Title, group.SeesAllMessages, supergroup: true);
        group.MigratedTo = newId;
        if (announce)
        {
            var anyone = new FakeUser(1, "Admin");
            var inOld = NewMessage(group, anyone, _ => { }, null, new JsonObject { ["migrate_to_chat_id"] = newId });
            var inNew = NewMessage(super, new FakeUser(1087968824, "Group", null, "GroupAnonymousBot", IsBot: true), _ => { }, null, new JsonObject { ["migrate_from_chat_id"] = group.Id });
            Enqueue(new JsonObject { ["message"] = inOld.ToJson() });
            Enqueue(new JsonObject { ["message"] = inNew.ToJson() });
        }
        return super;
    }

    /// <summary>Puts an update in the queue, or pushes it to the webhook when one is set. Returns its update_id.</summary>
    public int Enqueue(JsonObject update)
    {
        int id;
        string? webhook;
        lock (_gate)
        {
            id = _nextUpdateId++;
            update["update_id"] = id;
            webhook = WebhookUrl;
            if (webhook is null) _updates.Add(update);
        }
        if (webhook is not null) _ = PushAsync(update.ToJsonString(), WebhookSecret);
        Changed();
        return id;
    }

    private bool IsForThisBot(FakeChat chat, string text, FakeMessage? replyTo)
    {
        if (replyTo?.From.Id == BotId) return true;
        if (!text.StartsWith('/')) return false;
        var token = text.Split(' ', 2)[0];
        var at = token.IndexOf('@');
        return at < 0 ? chat.LastBotMessageWasOurs : string.Equals(token[(at + 1)..], Bot.Username, StringComparison.OrdinalIgnoreCase);
    }

    private FakeMessage NewMessage(FakeChat chat, FakeUser from, Action<FakeMessage> fill, FakeMessage? replyTo, JsonObject? extra = null)
    {
        lock (_gate)
        {
            var message = new FakeMessage { Id = chat.NextMessageId++, Chat = chat, From = from, Date = Now, ReplyTo = replyTo, Extra = extra };
            fill(message);
            _messages[(chat.Id, message.Id)] = message;
            return message;
        }
    }

    private JsonObject MemberUpdate(FakeUser by, FakeChat chat, string oldStatus, string newStatus) => new()
    {
        ["my_chat_member"] = new JsonObject
        {
            ["chat"] = chat.ToJson(),
            ["from"] = by.ToJson(),
            ["date"] = Now,
            ["old_chat_member"] = new JsonObject { ["status"] = oldStatus, ["user"] = Bot.ToJson() },
            ["new_chat_member"] = newStatus == "kicked"
                ? new JsonObject { ["status"] = newStatus, ["user"] = Bot.ToJson(), ["until_date"] = 0 }
                : new JsonObject { ["status"] = newStatus, ["user"] = Bot.ToJson() },
        },
    };
}
