namespace Bot.Audience;

/// <summary>A member who blocked the bot is marked unreachable (kept, not deleted); a migrated group keeps its record under the new id.</summary>
public sealed class AudienceDeliveryObserver(IChatDirectory chats, ILogger<AudienceDeliveryObserver> logger) : IDeliveryObserver
{
    public async Task OnFailedAsync(ConversationAddress to, ChannelSendException failure, CancellationToken cancellationToken)
    {
        switch (failure.Failure)
        {
            case SendFailure.Unreachable:
                logger.LogInformation("Chat {Channel}:{ChatId} is unreachable: {Reason}", to.Channel, to.ChatId, failure.Message);
                await chats.MarkUnreachableAsync(to.Channel, to.ChatId, failure.Message, cancellationToken);
                break;
            case SendFailure.Migrated when failure.MigratedToChatId is { } newId:
                logger.LogInformation("Chat {Channel}:{ChatId} migrated to {NewChatId}", to.Channel, to.ChatId, newId);
                await chats.MigrateAsync(to.Channel, to.ChatId, newId, cancellationToken);
                break;
        }
    }
}
