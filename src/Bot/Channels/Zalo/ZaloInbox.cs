using Bot.Channels.Zalo.Api;

namespace Bot.Channels.Zalo;

/// <summary>
/// Where both Zalo receivers (polling and webhook) hand events over: maps each to an activity and passes it to
/// the shared <see cref="Inbox"/>, which queues the turn, shows "typing…" when it is slow and drains on shutdown.
/// </summary>
public sealed class ZaloInbox(Inbox inbox, ZaloActivityMapper mapper)
{
    private long _ignored;

    /// <summary>Events fully handled so far (answered, skipped as re-delivered, failed, or ignored); tests wait on it.</summary>
    internal long Handled => Interlocked.Read(ref _ignored) + inbox.Handled(ZaloActivityMapper.Channel);

    /// <summary>Queues the turn for this event and returns; waits only when too many turns are running.</summary>
    public Task DispatchAsync(ZaloUpdate update, CancellationToken ct)
    {
        if (mapper.ToActivity(update) is not { } activity)
        {
            Interlocked.Increment(ref _ignored);
            return Task.CompletedTask;
        }
        return inbox.HandOverAsync(activity, ct);
    }
}
