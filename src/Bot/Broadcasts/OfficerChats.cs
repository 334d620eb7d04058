using Bot.Broadcasts.Audience;
using Bot.Broadcasts.Outbox;

namespace Bot.Broadcasts;

/// <summary>
/// The private chats of the configured officers (on a running channel the private chat id is the user id), for
/// what no officer asked for in a conversation: automatic kickoffs and missed-kickoff notices.
/// </summary>
public sealed class OfficerChats(Bot.Conversations.Officers officers, TurnPipeline pipeline, AudienceResolver audience, Delivery delivery, ILogger<OfficerChats> logger)
{
    public async Task<List<ReportChat>> AllAsync(CancellationToken ct)
    {
        var chats = new List<ReportChat>();
        foreach (var (channel, userId) in officers.All)
        {
            if (pipeline.Connector(channel) is not { } connector) continue;
            chats.Add(new ReportChat
            {
                Channel = connector.Channel,
                ChatId = userId,
                Kind = ChatKind.Private,
                Language = await audience.LanguageOfAsync(connector.Channel, userId, ct),
            });
        }
        return chats;
    }

    /// <summary>Sends a notice to every officer in their language; returns how many received it.</summary>
    public async Task<int> NotifyAsync(Func<string, Reply> compose, CancellationToken ct)
    {
        var delivered = 0;
        foreach (var chat in await AllAsync(ct))
        {
            try
            {
                await delivery.SendAsync(pipeline.Connector(chat.Channel)!, chat.Address, compose(chat.Language), SendPriority.Reply, ct);
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // An officer who never opened a private chat with the bot cannot be written to first.
                logger.LogWarning(ex, "Could not notify officer {Channel}:{UserId}", chat.Channel, chat.ChatId);
            }
        }
        return delivered;
    }
}
