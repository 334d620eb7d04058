namespace Bot.Broadcasts.Outbox;

/// <summary>
/// When a group becomes a supergroup, Delivery resends to the new id and the chat directory follows it; the
/// pending rows of running broadcasts follow too, so a resume after a crash goes straight to the new id.
/// </summary>
public sealed class OutboxMigrationObserver(IBroadcastStore store) : IDeliveryObserver
{
    public Task OnFailedAsync(ConversationAddress to, ChannelSendException failure, CancellationToken cancellationToken) =>
        failure.Failure == SendFailure.Migrated && failure.MigratedToChatId is { } newId
            ? store.MovePendingAsync(to.Channel, to.ChatId, newId, cancellationToken)
            : Task.CompletedTask;
}
