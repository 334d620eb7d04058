using System.Collections.Concurrent;
using Bot.Builder.Activities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Builder.Pipeline;

/// <summary>A channel that can show "typing…" while a slow turn runs (Zalo does; Telegram and the terminal do not).</summary>
public interface ITypingIndicator
{
    string Channel { get; }

    /// <summary>How long a turn may run before the member sees "typing…".</summary>
    TimeSpan After { get; }

    /// <summary>How often "typing…" is shown again while the turn still runs (the platform hides it after a while).</summary>
    TimeSpan Repeat { get; }

    Task ShowAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>
/// Where every channel hands over what a member sent. <see cref="HandOverAsync"/> returns once the turn is queued
/// (FIFO per conversation, through the pipeline), not when it is done, so one slow turn never holds up receiving;
/// too many unfinished turns make it wait instead. On stop it lets running turns finish until the host's stop
/// timeout, then cancels them (their messages are then handled again when re-delivered).
/// </summary>
public sealed class Inbox(
    TurnPipeline pipeline,
    IEnumerable<ITypingIndicator> typing,
    IEnumerable<ITurnObserver> observers,
    TimeProvider time,
    ILogger<Inbox> logger) : IHostedService
{
    public const int MaxTurnsInFlight = 256;
    private readonly SemaphoreSlim _room = new(MaxTurnsInFlight, MaxTurnsInFlight);
    private readonly ITurnObserver[] _observers = [.. observers];
    private readonly Dictionary<string, ITypingIndicator> _typing = typing.ToDictionary(t => t.Channel, StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly ConcurrentDictionary<string, long> _handled = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _gate = new();
    private int _busy;
    private TaskCompletionSource? _idle;

    /// <summary>No turn handed over here is queued or running.</summary>
    public bool IsIdle => Volatile.Read(ref _busy) == 0;

    /// <summary>Turns of <paramref name="channel"/> finished so far (answered, skipped as re-delivered, or failed).</summary>
    public long Handled(string channel) => _handled.GetValueOrDefault(channel);

    /// <summary>Completes when no turn is queued or running (at once if none is).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (_busy == 0) return Task.CompletedTask;
            return (_idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>Queues the turn for <paramref name="activity"/>; waits only while too many turns are unfinished.</summary>
    public async Task HandOverAsync(Activity activity, CancellationToken cancellationToken)
    {
        await _room.WaitAsync(cancellationToken);
        lock (_gate) _busy++;
        // ProcessAsync queues the turn synchronously, so calling it in arrival order keeps each chat's order. The
        // turn gets the inbox's token, not the receiver's: a turn that started finishes its answer while the host stops.
        var started = time.GetTimestamp();
        var turn = pipeline.ProcessAsync(activity, _abort.Token);
        var watched = WatchAsync(activity, turn, started);
        _inFlight.TryAdd(watched, 0);
        _ = watched.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task WatchAsync(Activity activity, Task turn, long started)
    {
        var failed = false;
        try
        {
            if (_typing.GetValueOrDefault(activity.Channel) is { } typing) await ShowTypingWhileAsync(typing, activity, turn);
            await turn;
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            failed = true;
            logger.LogWarning("Turn in {Channel}:{ChatId} was cut short by shutdown", activity.Channel, activity.ChatId);
        }
        catch (Exception ex)
        {
            failed = true;
            logger.LogError(ex, "Turn failed in {Channel}:{ChatId}", activity.Channel, activity.ChatId);
        }
        finally
        {
            if (_observers.Length > 0)
            {
                var elapsed = time.GetElapsedTime(started);
                foreach (var observer in _observers) observer.TurnEnded(activity, elapsed, failed);
            }
            _handled.AddOrUpdate(activity.Channel, 1, (_, n) => n + 1);
            _room.Release();
            TaskCompletionSource? idle = null;
            lock (_gate)
            {
                if (--_busy == 0) (idle, _idle) = (_idle, null);
            }
            idle?.TrySetResult();
        }
    }

    private async Task ShowTypingWhileAsync(ITypingIndicator typing, Activity activity, Task turn)
    {
        using var stop = new CancellationTokenSource();
        var delay = typing.After;
        try
        {
            while (await Task.WhenAny(turn, Task.Delay(delay, time, stop.Token)) != turn)
            {
                await typing.ShowAsync(activity, stop.Token);
                delay = typing.Repeat;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // "typing…" is a courtesy: the answer still comes, and the turn is still counted only when it ends.
            logger.LogWarning(ex, "Could not show typing in {Channel}:{ChatId}", activity.Channel, activity.ChatId);
        }
        await stop.CancelAsync();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits for running turns (their message ids are already marked as done); cuts them off only when the host's stop timeout ends.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var pending = _inFlight.Keys.ToArray();
        if (pending.Length == 0) return;
        logger.LogInformation("Finishing {Count} turns before stopping", pending.Length);
        try
        {
            await Task.WhenAll(pending).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Stopped with {Count} turns unfinished", _inFlight.Count);
            await _abort.CancelAsync();
        }
    }
}
