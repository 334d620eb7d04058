namespace Bot.Operations;

/// <summary>Counts each turn and its duration; a turn that throws is counted as failed and the exception goes on to the pipeline.</summary>
public sealed class MetricsMiddleware(BotMetrics metrics, TimeProvider time) : ITurnMiddleware
{
    public async Task OnTurnAsync(ITurnContext turn, NextTurn next, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var failed = true;
        try
        {
            await next(cancellationToken);
            failed = false;
        }
        finally
        {
            metrics.Turn(turn.Activity, time.GetElapsedTime(started), failed && !cancellationToken.IsCancellationRequested);
        }
    }
}
