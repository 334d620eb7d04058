using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.Channels.Telegram;

/// <summary>
/// Who this bot is (getMe): commands are matched against its username and replies against its id. Asked at start;
/// a rejected token fails the start with a clear message, an unreachable Telegram is retried in the background.
/// </summary>
public sealed class TelegramBotIdentity(
    ITelegramBotClient client,
    TelegramErrors errors,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<TelegramBotIdentity> logger)
{
    public static readonly TimeSpan StartCheckLimit = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource<User> _me = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    /// <summary>Known once getMe answered; null before.</summary>
    public User? Me => _me.Task.IsCompletedSuccessfully ? _me.Task.Result : null;

    public long Id => client.BotId;

    public Task<User> WhenKnownAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0) _ = AskAsync(lifetime.ApplicationStopping);
        return _me.Task.WaitAsync(ct);
    }

    /// <summary>For the receivers' start: waits for the first getMe answer (up to 10 s) and refuses a rejected token.</summary>
    public async Task CheckAtStartAsync(CancellationToken ct)
    {
        _ = WhenKnownAsync(ct);
        using var limit = new CancellationTokenSource(StartCheckLimit, time);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, ct);
        try
        {
            await _firstAnswer.Task.WaitAsync(both.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return; // Telegram is slow or unreachable: the start goes on, getMe is retried
        }
        if (_me.Task.IsFaulted) throw _me.Task.Exception!.InnerException!;
    }

    public bool IsThisBot(string? username) =>
        username is not null && Me?.Username is { } mine && string.Equals(mine, username, StringComparison.OrdinalIgnoreCase);

    private async Task AskAsync(CancellationToken ct)
    {
        var pause = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        try
        {
            while (true)
            {
                try
                {
                    var me = await client.GetMe(ct);
                    logger.LogInformation("Connected to Telegram as @{Username} ({BotId})", me.Username, me.Id);
                    _me.TrySetResult(me);
                    return;
                }
                catch (Exception ex) when (TelegramErrors.IsTokenRejected(ex))
                {
                    _me.TrySetException(new InvalidOperationException(
                        $"Telegram rejected Telegram:BotToken (getMe answered \"{errors.Redact(ex.Message)}\"). Check the token with @BotFather."));
                    return;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    _firstAnswer.TrySetResult();
                    logger.LogWarning("Could not reach Telegram (getMe): {Problem}; retrying in {Delay}", errors.Redact(ex.GetBaseException().Message), pause.Current);
                    logger.LogDebug(errors.Redacted(ex), "getMe failed");
                    await pause.WaitAsync(time, ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
            _me.TrySetCanceled(ct);
        }
        finally
        {
            _firstAnswer.TrySetResult();
        }
    }
}

/// <summary>A pause that doubles after each failure up to a ceiling, so an outage never turns into a request storm.</summary>
public sealed class Backoff(TimeSpan first, TimeSpan max)
{
    private readonly TimeSpan _first = first;

    public TimeSpan Current { get; private set; } = first;

    public async Task WaitAsync(TimeProvider time, CancellationToken ct)
    {
        var wait = Current;
        Current = TimeSpan.FromTicks(Math.Min(max.Ticks, Current.Ticks * 2));
        await Task.Delay(wait, time, ct);
    }

    public void Reset() => Current = _first;
}
