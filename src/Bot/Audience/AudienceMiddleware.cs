using Bot.Builder.Pipeline;

namespace Bot.Audience;

/// <summary>Every turn keeps the chat directory current, so officers' broadcasts reach every group and member.</summary>
public sealed class AudienceMiddleware(ChatDirectory chats) : ITurnMiddleware
{
    public Task OnTurnAsync(ITurnContext turn, NextTurn next, CancellationToken cancellationToken)
    {
        chats.Seen(turn.Activity);
        return next(cancellationToken);
    }
}
