using Bot.Builder.State;
using Bot.Storage.PostgreSql;

namespace Bot.Audience;

/// <summary>
/// The chat directory in PostgreSQL. A record is changed under a row lock (SELECT … FOR UPDATE in the write), so two
/// turns of the same chat, on one instance or two, cannot overwrite each other's change. A turn that only repeats what
/// is known writes nothing.
/// </summary>
public sealed class PgChatDirectory(PgDatabase db, PgCommitter committer, TimeProvider time) : IChatDirectory
{
    public Task<KnownChat?> FindAsync(string channel, string chatId, CancellationToken cancellationToken = default) =>
        db.DocumentAsync<KnownChat>("SELECT doc FROM chats WHERE id = $1", KnownChat.KeyOf(channel, chatId));

    public async Task<IReadOnlyList<KnownChat>> ReachableAsync(CancellationToken cancellationToken = default) =>
        await db.DocumentsAsync<KnownChat>("SELECT doc FROM chats WHERE reachable ORDER BY id");

    public async Task<IReadOnlyList<KnownChat>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.DocumentsAsync<KnownChat>("SELECT doc FROM chats ORDER BY id");

    public async Task SeenAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var id = KnownChat.KeyOf(activity.Channel, activity.ChatId);
        var known = await FindAsync(activity.Channel, activity.ChatId, cancellationToken);
        if (known is not null && ChatChanges.Unchanged(known, activity, now, out var stale) && !stale) return;
        var write = new PgWrite("chat seen", async tx =>
        {
            var chat = await LockAsync(tx, id) ?? new KnownChat
            {
                Id = id, Channel = activity.Channel, ChatId = activity.ChatId, Kind = activity.ChatKind, FirstSeen = now,
            };
            ChatChanges.Apply(chat, activity, now);
            await SaveAsync(tx, chat);
        });
        // A new or changed chat is committed at once, so the rest of this turn sees it; a refreshed LastSeen rides along.
        if (known is not null && ChatChanges.Unchanged(known, activity, now, out _)) await UnitOfWork.WriteAsync(committer, write, cancellationToken);
        else await UnitOfWork.CommitNowAsync(committer, write, cancellationToken);
    }

    public Task MarkUnreachableAsync(string channel, string chatId, string reason, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(committer, new PgWrite("chat unreachable", async tx =>
        {
            if (await LockAsync(tx, KnownChat.KeyOf(channel, chatId)) is not { } chat) return;
            chat.UnreachableReason = reason;
            await SaveAsync(tx, chat);
        }), cancellationToken);

    public Task MigrateAsync(string channel, string oldChatId, string newChatId, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(committer, new PgWrite("chat migrated", async tx =>
        {
            if (await LockAsync(tx, KnownChat.KeyOf(channel, oldChatId)) is not { } chat) return;
            await tx.ExecuteAsync("DELETE FROM chats WHERE id = $1", chat.Id);
            chat.Id = KnownChat.KeyOf(channel, newChatId);
            chat.ChatId = newChatId;
            await SaveAsync(tx, chat);
        }), cancellationToken);

    public async Task<bool> ForgetAsync(string channel, string chatId, CancellationToken cancellationToken = default)
    {
        var deleted = false;
        await UnitOfWork.CommitNowAsync(committer, new PgWrite("chat forgotten",
            async tx => deleted = await tx.ExecuteAsync("DELETE FROM chats WHERE id = $1", KnownChat.KeyOf(channel, chatId)) > 0), cancellationToken);
        return deleted;
    }

    private static async Task<KnownChat?> LockAsync(PgTransaction tx, string id) =>
        (await tx.QueryAsync("SELECT doc FROM chats WHERE id = $1 FOR UPDATE", r => PgDatabase.Read<KnownChat>(r), id)).FirstOrDefault();

    private static Task SaveAsync(PgTransaction tx, KnownChat chat) => tx.ExecuteAsync(
        "INSERT INTO chats (id, reachable, doc) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET reachable = EXCLUDED.reachable, doc = EXCLUDED.doc",
        chat.Id, chat.Active && chat.UnreachableReason is null, PgDatabase.Doc(chat));
}
