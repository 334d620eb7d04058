using Bot.Audience;
using Bot.Builder.State;

namespace Bot.Channels.Telegram;

/// <summary>
/// A group upgraded to a supergroup gets a new chat id: its directory record and every conversation and member
/// state move to the new id, whether the news came as an update (migrate_to_chat_id) or as a failed send.
/// </summary>
public sealed class TelegramChatMigration(IChatDirectory chats, IStateStore store, ILogger<TelegramChatMigration> logger) : IDeliveryObserver
{
    public async Task MigrateAsync(string oldChatId, string newChatId, CancellationToken ct)
    {
        await chats.MigrateAsync(TelegramUpdateTranslator.Channel, oldChatId, newChatId, ct);
        var moved = await store.MovePrefixAsync(ConversationKey(oldChatId), ConversationKey(newChatId), ct);
        logger.LogInformation("Telegram group {OldChatId} became supergroup {NewChatId}; moved {Count} state documents", oldChatId, newChatId, moved);
    }

    public Task OnFailedAsync(ConversationAddress to, ChannelSendException failure, CancellationToken cancellationToken) =>
        to.Channel == TelegramUpdateTranslator.Channel && failure is { Failure: SendFailure.Migrated, MigratedToChatId: { } newId }
            ? MigrateAsync(to.ChatId, newId, cancellationToken)
            : Task.CompletedTask;

    private static string ConversationKey(string chatId) =>
        StateKeys.For(StateScope.Conversation, new Activity { Channel = TelegramUpdateTranslator.Channel, ChatId = chatId, UserId = "" });
}
