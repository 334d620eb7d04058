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

/// <summary>The chats the bot knows (the audience of broadcasts). Owned by the audience feature; others go through this.</summary>
public interface IChatDirectory
{
    Task<KnownChat?> FindAsync(string channel, string chatId, CancellationToken cancellationToken = default);

    /// <summary>Active chats not marked unreachable.</summary>
    Task<IReadOnlyList<KnownChat>> ReachableAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<KnownChat>> AllAsync(CancellationToken cancellationToken = default);

    /// <summary>Records that this chat talked to the bot (and is therefore reachable again); part of the turn's unit of work.</summary>
    Task SeenAsync(Activity activity, CancellationToken cancellationToken = default);

    Task MarkUnreachableAsync(string channel, string chatId, string reason, CancellationToken cancellationToken = default);

    /// <summary>A Telegram group became a supergroup: keep its record under the new id.</summary>
    Task MigrateAsync(string channel, string oldChatId, string newChatId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a chat's record (a member's private chat, when they ask to be forgotten); true when it existed.</summary>
    Task<bool> ForgetAsync(string channel, string chatId, CancellationToken cancellationToken = default);
}
