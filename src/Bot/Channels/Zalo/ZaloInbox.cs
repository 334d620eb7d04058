using System.Collections.Concurrent;
using Bot.Channels.Zalo.Api;

namespace Bot.Channels.Zalo;

/// <summary>
/// Hands Zalo events to the turn pipeline in arrival order without waiting for each answer (one slow turn must
/// not hold up other chats), shows "typing…" when a turn is slow, and on shutdown lets running turns finish.
/// Both receivers (polling and webhook) go through here.
/// </summary>
public sealed class ZaloInbox(
    TurnPipeline pipeline,
    ZaloActivityMapper mapper,
    ZaloConnector connector,
    IOptions<ZaloOptions> options,
    TimeProvider time,
    ILogger<ZaloInbox> logger) : IHostedService
{
    internal const int MaxTurnsInFlight = 64;
    internal static readonly TimeSpan TypingRepeat = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _room = new(MaxTurnsInFlight);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _abort = new();
    private long _handled;

    /// <summary>Events fully handled so far (answered, skipped as re-delivered, or ignored); tests wait on it.</summary>
    internal long Handled => Interlocked.Read(ref _handled);

    /// <summary>Starts the turn for this event and returns once it is queued; waits only when too many turns are running.</summary>
    public async Task DispatchAsync(ZaloUpdate update, CancellationToken ct)
    {
        var activity = mapper.ToActivity(update);
        if (activity is null)
        {
            Interlocked.Increment(ref _handled);
            return;
        }
        await _room.WaitAsync(ct);
        // ProcessAsync queues the turn synchronously, so calling it in arrival order keeps each chat's order.
        var turn = pipeline.ProcessAsync(activity, _abort.Token);
        var watched = WatchAsync(activity, turn);
        _inFlight.TryAdd(watched, 0);
        _ = watched.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task WatchAsync(Activity activity, Task turn)
    {
        try
        {
            using var stopTyping = new CancellationTokenSource();
            var delay = options.Value.TypingAfter;
            while (await Task.WhenAny(turn, Task.Delay(delay, time, stopTyping.Token)) != turn)
            {
                await connector.SendTypingAsync(activity.ChatId, stopTyping.Token);
                delay = TypingRepeat;
            }
            await stopTyping.CancelAsync();
            await turn;
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            logger.LogWarning("Zalo turn for {ChatId} was cut short by shutdown", activity.ChatId);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Zalo turn failed for {ChatId}", activity.ChatId);
        }
        finally
        {
            Interlocked.Increment(ref _handled);
            _room.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits for running turns (their message ids are already marked as done); cuts them off only when the host's stop timeout ends.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_inFlight.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync();
        }
    }
}
