using Bot.Builder.Pipeline;

namespace Bot.Audience;

/// <summary>Every turn keeps the chat directory current, so officers' broadcasts reach every group and member.</summary>
public sealed class AudienceMiddleware(IChatDirectory chats) : ITurnMiddleware
{
    public async Task OnTurnAsync(ITurnContext turn, NextTurn next, CancellationToken cancellationToken)
    {
        await chats.SeenAsync(turn.Activity, cancellationToken);
        await next(cancellationToken);
    }
}
