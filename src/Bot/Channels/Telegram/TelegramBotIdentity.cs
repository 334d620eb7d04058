using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.Channels.Telegram;

/// <summary>
/// Who this bot is (getMe), asked once at start: commands are matched against its username and replies against its id.
/// A rejected token stops the host with a clear message; anything else is retried with a growing pause.
/// </summary>
public sealed class TelegramBotIdentity(
    ITelegramBotClient client,
    TelegramErrors errors,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<TelegramBotIdentity> logger)
{
    private readonly TaskCompletionSource<User> _me = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    /// <summary>Known once getMe answered; null before.</summary>
    public User? Me => _me.Task.IsCompletedSuccessfully ? _me.Task.Result : null;

    public long Id => client.BotId;

    public Task<User> WhenKnownAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0) _ = AskAsync(ct);
        return _me.Task.WaitAsync(ct);
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
                    logger.LogCritical("Telegram rejected the bot token (getMe answered \"{Answer}\"). Check Telegram:BotToken; stopping.", errors.Redact(ex.Message));
                    _me.TrySetException(new InvalidOperationException("Telegram rejected the bot token."));
                    lifetime.StopApplication();
                    return;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    logger.LogWarning(errors.Redacted(ex), "Could not reach Telegram (getMe); retrying in {Delay}", pause.Current);
                    await pause.WaitAsync(time, ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
            _me.TrySetCanceled(ct);
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
