namespace Bot.Builder.Pipeline;

public delegate Task NextTurn(CancellationToken cancellationToken);

public interface ITurnMiddleware
{
    Task OnTurnAsync(ITurnContext turn, NextTurn next, CancellationToken cancellationToken);
}

/// <summary>The application's turn handler: the last step of the pipeline.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken);
}

/// <summary>What the engine says on its own (texts live in the application's content, not here).</summary>
public interface IEngineTexts
{
    string TurnFailed(ITurnContext turn);
    string ButtonExpired(ITurnContext turn);
    string ButtonNotYours(ITurnContext turn);
}
