using Bot.Builder.State;
using Bot.Storage;
using LiteDB;

namespace Bot.Audience;

/// <summary>
/// The chat directory in LiteDB. A record is changed inside its write (read, change, store on the writer thread), so
/// two turns of the same chat cannot overwrite each other's change. A turn that only repeats what is known writes
/// nothing: most turns of a busy group would otherwise rewrite the same record.
/// </summary>
public sealed class LiteDbChatDirectory(LiteDatabase db, StorageWriter writer, TimeProvider time) : IChatDirectory
{
    public const string Collection = "chats";

    /// <summary>How stale LastSeen may get before a turn refreshes it (it only says whether a chat is still alive).</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromHours(1);

    private readonly ILiteCollection<KnownChat> _chats = db.GetCollection<KnownChat>(Collection);

    public Task<KnownChat?> FindAsync(string channel, string chatId, CancellationToken cancellationToken = default) =>
        Task.FromResult<KnownChat?>(_chats.FindById(KnownChat.KeyOf(channel, chatId)));

    public Task<IReadOnlyList<KnownChat>> ReachableAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<KnownChat>>([.. _chats.Find(c => c.Active && c.UnreachableReason == null)]);

    public Task<IReadOnlyList<KnownChat>> AllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<KnownChat>>([.. _chats.FindAll()]);

    public Task SeenAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var known = _chats.FindById(KnownChat.KeyOf(activity.Channel, activity.ChatId));
        if (known is not null && Unchanged(known, activity, now, out var stale) && !stale) return Task.CompletedTask;
        var write = new LiteWrite("chat seen", d =>
        {
            var chats = d.GetCollection<KnownChat>(Collection);
            var chat = chats.FindById(KnownChat.KeyOf(activity.Channel, activity.ChatId)) ?? new KnownChat
            {
                Id = KnownChat.KeyOf(activity.Channel, activity.ChatId),
                Channel = activity.Channel,
                ChatId = activity.ChatId,
                Kind = activity.ChatKind,
                FirstSeen = now,
            };
            Apply(chat, activity, now);
            chats.Upsert(chat);
        });
        // A new or changed chat is committed at once, so the rest of this turn (an officer counting the audience in
        // their first message, say) sees it; a refreshed LastSeen rides along with the turn's other writes.
        return known is not null && Unchanged(known, activity, now, out _)
            ? UnitOfWork.WriteAsync(writer, write, cancellationToken)
            : UnitOfWork.CommitNowAsync(writer, write, cancellationToken);
    }

    public Task MarkUnreachableAsync(string channel, string chatId, string reason, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(writer, new LiteWrite("chat unreachable", d =>
        {
            var chats = d.GetCollection<KnownChat>(Collection);
            if (chats.FindById(KnownChat.KeyOf(channel, chatId)) is not { } chat) return;
            chat.UnreachableReason = reason;
            chats.Update(chat);
        }), cancellationToken);

    public Task MigrateAsync(string channel, string oldChatId, string newChatId, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(writer, new LiteWrite("chat migrated", d =>
        {
            var chats = d.GetCollection<KnownChat>(Collection);
            if (chats.FindById(KnownChat.KeyOf(channel, oldChatId)) is not { } chat) return;
            chats.Delete(chat.Id);
            chat.Id = KnownChat.KeyOf(channel, newChatId);
            chat.ChatId = newChatId;
            chats.Upsert(chat);
        }), cancellationToken);

    public async Task<bool> ForgetAsync(string channel, string chatId, CancellationToken cancellationToken = default)
    {
        var deleted = false;
        await UnitOfWork.CommitNowAsync(writer, new LiteWrite("chat forgotten",
            d => deleted = d.GetCollection<KnownChat>(Collection).Delete(KnownChat.KeyOf(channel, chatId))), cancellationToken);
        return deleted;
    }

    /// <summary>True when the activity changes nothing but LastSeen; <paramref name="stale"/> says whether LastSeen is due a refresh.</summary>
    private static bool Unchanged(KnownChat chat, Activity activity, DateTime now, out bool stale)
    {
        stale = now - chat.LastSeen >= LastSeenResolution;
        var copy = new KnownChat
        {
            Id = chat.Id, Channel = chat.Channel, ChatId = chat.ChatId, Kind = chat.Kind, Title = chat.Title, Language = chat.Language,
            Active = chat.Active, UnreachableReason = chat.UnreachableReason, FirstSeen = chat.FirstSeen, LastSeen = chat.LastSeen,
        };
        Apply(copy, activity, chat.LastSeen);
        return copy.Active == chat.Active && copy.UnreachableReason == chat.UnreachableReason && copy.Title == chat.Title
            && copy.Language == chat.Language;
    }

    private static void Apply(KnownChat chat, Activity activity, DateTime now)
    {
        chat.LastSeen = now;
        chat.Active = activity.Kind != ActivityKind.BotRemoved;
        if (activity.Kind != ActivityKind.BotRemoved) chat.UnreachableReason = null;
        if (activity.ChatKind == ChatKind.Private && activity.UserName.Length > 0) chat.Title = activity.UserName;
        if (activity.Language is { } lang) chat.Language = Content.Languages.Normalize(lang);
    }
}
