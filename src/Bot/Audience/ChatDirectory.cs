using LiteDB;

namespace Bot.Audience;

/// <summary>A chat the bot knows: a group it is in or a member who talked to it privately. Broadcasts go to these.</summary>
public sealed class KnownChat
{
    [BsonId]
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public string ChatId { get; set; } = "";
    public ChatKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Language { get; set; } = "vi";

    /// <summary>False once the bot was removed from the group (kept for the record, not deleted).</summary>
    public bool Active { get; set; } = true;

    /// <summary>Set when the platform said the member blocked the bot or the chat no longer exists.</summary>
    public string? UnreachableReason { get; set; }

    public DateTime FirstSeen { get; set; }
    public DateTime LastSeen { get; set; }

    public static string KeyOf(string channel, string chatId) => $"{channel}:{chatId}";
}

public sealed class ChatDirectory(LiteDatabase db, TimeProvider time)
{
    public const string Collection = "chats";
    private readonly ILiteCollection<KnownChat> _chats = db.GetCollection<KnownChat>(Collection);

    public KnownChat? Find(string channel, string chatId) => _chats.FindById(KnownChat.KeyOf(channel, chatId));

    public IReadOnlyList<KnownChat> Reachable() =>
        [.. _chats.Find(c => c.Active && c.UnreachableReason == null)];

    public IReadOnlyList<KnownChat> All() => [.. _chats.FindAll()];

    /// <summary>Records that this chat talked to the bot (and is therefore reachable again).</summary>
    public void Seen(Activity activity)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var chat = Find(activity.Channel, activity.ChatId) ?? new KnownChat
        {
            Id = KnownChat.KeyOf(activity.Channel, activity.ChatId),
            Channel = activity.Channel,
            ChatId = activity.ChatId,
            Kind = activity.ChatKind,
            FirstSeen = now,
        };
        chat.LastSeen = now;
        chat.Active = activity.Kind != ActivityKind.BotRemoved;
        if (activity.Kind != ActivityKind.BotRemoved) chat.UnreachableReason = null;
        if (activity.ChatKind == ChatKind.Private && activity.UserName.Length > 0) chat.Title = activity.UserName;
        if (activity.Language is { } lang) chat.Language = Content.Languages.Normalize(lang);
        _chats.Upsert(chat);
    }

    public void MarkUnreachable(string channel, string chatId, string reason)
    {
        if (Find(channel, chatId) is not { } chat) return;
        chat.UnreachableReason = reason;
        _chats.Update(chat);
    }

    /// <summary>A Telegram group became a supergroup: keep its record under the new id.</summary>
    public void Migrate(string channel, string oldChatId, string newChatId)
    {
        if (Find(channel, oldChatId) is not { } chat) return;
        _chats.Delete(chat.Id);
        chat.Id = KnownChat.KeyOf(channel, newChatId);
        chat.ChatId = newChatId;
        _chats.Upsert(chat);
    }
}
