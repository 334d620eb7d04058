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

    private readonly ILiteCollection<KnownChat> _chats = db.GetCollection<KnownChat>(Collection);

    // Every turn asks whether its chat changed; a LiteDB lookup and mapping of the record was 2.5–5 % of a /start's CPU
    // (round 1 and round 2 profiles). Records are kept in memory as stored and replaced or dropped when a write commits.
    private readonly StoredCopies<KnownChat> _seen = new();

    public Task<KnownChat?> FindAsync(string channel, string chatId, CancellationToken cancellationToken = default) =>
        Task.FromResult<KnownChat?>(_chats.FindById(KnownChat.KeyOf(channel, chatId)));

    public Task<IReadOnlyList<KnownChat>> ReachableAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<KnownChat>>([.. _chats.Find(c => c.Active && c.UnreachableReason == null)]);

    public Task<IReadOnlyList<KnownChat>> AllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<KnownChat>>([.. _chats.FindAll()]);

    public Task SeenAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var known = _seen.Get(KnownChat.KeyOf(activity.Channel, activity.ChatId), key => _chats.FindById(key));
        if (known is not null && ChatChanges.Unchanged(known, activity, now, out var stale) && !stale) return Task.CompletedTask;
        KnownChat? stored = null;
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
            ChatChanges.Apply(chat, activity, now);
            chats.Upsert(chat);
            stored = chat;
        }, committed: () => _seen.Written(KnownChat.KeyOf(activity.Channel, activity.ChatId), stored));
        // A new or changed chat is committed at once, so the rest of this turn (an officer counting the audience in
        // their first message, say) sees it; a refreshed LastSeen rides along with the turn's other writes.
        return known is not null && ChatChanges.Unchanged(known, activity, now, out _)
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
        }, committed: () => _seen.Written(KnownChat.KeyOf(channel, chatId))), cancellationToken);

    public Task MigrateAsync(string channel, string oldChatId, string newChatId, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(writer, new LiteWrite("chat migrated", d =>
        {
            var chats = d.GetCollection<KnownChat>(Collection);
            if (chats.FindById(KnownChat.KeyOf(channel, oldChatId)) is not { } chat) return;
            chats.Delete(chat.Id);
            chat.Id = KnownChat.KeyOf(channel, newChatId);
            chat.ChatId = newChatId;
            chats.Upsert(chat);
        }, committed: () =>
        {
            _seen.Written(KnownChat.KeyOf(channel, oldChatId));
            _seen.Written(KnownChat.KeyOf(channel, newChatId));
        }), cancellationToken);

    public async Task<bool> ForgetAsync(string channel, string chatId, CancellationToken cancellationToken = default)
    {
        var deleted = false;
        await UnitOfWork.CommitNowAsync(writer, new LiteWrite("chat forgotten",
            d => deleted = d.GetCollection<KnownChat>(Collection).Delete(KnownChat.KeyOf(channel, chatId)),
            committed: () => _seen.Written(KnownChat.KeyOf(channel, chatId))), cancellationToken);
        return deleted;
    }
}
