using Bot.Broadcasts;
using Bot.Content;

namespace Bot.Pledges.Digest;

/// <summary>
/// Once a day at PledgeDigest:LocalTime (Content:TimeZone) the officers get one message with the pledges created,
/// changed and withdrawn since the previous digest, instead of one message per pledge. The mark of what was reported is
/// written after sending, so a restart neither repeats nor skips a day; a bot that was down at that time sends on start.
/// </summary>
public sealed class PledgeDigestService(
    IPledgeDigestStore store, IPledgeStore pledges, PledgeDigestComposer composer, OfficerChats officers, TurnPipeline pipeline,
    Delivery delivery, PlanCalendar calendar, IOptions<PledgeDigestOptions> options, TimeProvider time, ILogger<PledgeDigestService> logger)
    : BackgroundService
{
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1); // a cheap re-check; bounds any missed wake-up

    // A turn stamps a pledge before it writes it: changes stamped this long before a digest are looked at again next
    // time (those already reported are recognised by id and stamp), so a write in flight at digest time is not lost.
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    private long _checkedAt = DateTimeOffset.MinValue.UtcTicks;

    /// <summary>The clock reading of the last finished check: tests wait for it instead of sleeping.</summary>
    public DateTimeOffset CheckedAt => new(Interlocked.Read(ref _checkedAt), TimeSpan.Zero);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            try
            {
                if (options.Value.Enabled) await CheckAsync(now, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The pledge digest check failed; trying again in a minute");
            }
            Interlocked.Exchange(ref _checkedAt, now.UtcTicks);
            await SleepAsync(now, stoppingToken);
        }
    }

    /// <summary>The moment of the digest on a local day.</summary>
    public DateTimeOffset SlotOn(DateOnly day)
    {
        var local = day.ToDateTime(options.Value.LocalTime);
        return new DateTimeOffset(local, calendar.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    internal async Task CheckAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.Zone).DateTime);
        var slot = SlotOn(today);
        // First run: start from the latest digest time that has passed, as if that digest had been sent.
        var stored = await store.MarkAsync(ct);
        var mark = stored ?? new PledgeDigestMark { Day = now >= slot ? today : today.AddDays(-1), Through = now >= slot ? slot : SlotOn(today.AddDays(-1)) };
        if (stored is null) await store.SaveAsync(mark, ct);
        if (mark.Day >= today || now < slot) return;

        var reported = mark.Reported.ToHashSet(StringComparer.Ordinal);
        var reportedIds = mark.Reported.Select(r => r.Split('@')[0]).ToHashSet(StringComparer.Ordinal);
        var items = (await pledges.ChangedSinceAsync(mark.Through, ct)).Where(p => !reported.Contains(Key(p)))
            .Select(p => new DigestItem(p, KindOf(p, mark.Through, reportedIds))).ToList();
        if (items.Count > 0) await SendAsync(items, mark.Through, now, ct);
        else logger.LogInformation("No pledge changed since {Through}: no digest today", mark.Through);

        var through = now - Overlap;
        await store.SaveAsync(new PledgeDigestMark
        {
            Day = today,
            Through = through,
            Reported = [.. items.Where(i => i.Pledge.UpdatedAt > through).Select(i => Key(i.Pledge))],
        });
    }

    private static DigestKind KindOf(Pledge p, DateTimeOffset since, HashSet<string> reportedIds) =>
        p.Status == PledgeStatus.Withdrawn ? DigestKind.Withdrawn
        : p.CreatedAt > since && !reportedIds.Contains(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) ? DigestKind.New
        : DigestKind.Changed;

    private static string Key(Pledge p) => FormattableString.Invariant($"{p.Id}@{p.UpdatedAt.UtcTicks}");

    private async Task SendAsync(IReadOnlyList<DigestItem> items, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        var recipients = options.Value.Recipients;
        var chats = (await officers.AllAsync(ct))
            .Where(c => recipients.Count == 0 || recipients.Contains($"{c.Channel}:{c.ChatId}", StringComparer.OrdinalIgnoreCase)).ToList();
        var delivered = 0;
        foreach (var chat in chats)
        {
            try
            {
                // A broadcast's priority: members waiting for answers go first.
                await delivery.SendAsync(pipeline.Connector(chat.Channel)!, chat.Address,
                    new Reply { Text = composer.Compose(chat.Language, items, from, until) }, SendPriority.Broadcast, ct);
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // An officer who never opened a private chat with the bot cannot be written to first.
                logger.LogWarning(ex, "Could not send the pledge digest to officer {Channel}:{ChatId}", chat.Channel, chat.ChatId);
            }
        }
        // Not retried: every change stays in /danhsach and the export, and a retry loop would write to a blocked chat all day.
        if (delivered < chats.Count || chats.Count == 0)
            logger.LogWarning("Pledge digest of {Count} changes reached {Delivered} of {Officers} officers", items.Count, delivered, chats.Count);
    }

    private async Task SleepAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.Zone).DateTime);
        var next = SlotOn(today) > now ? SlotOn(today) : SlotOn(today.AddDays(1));
        // Sleep until a moment, not for a duration: if the clock moved meanwhile, the remaining time is shorter.
        var until = next - now > LongestSleep ? now + LongestSleep : next;
        var remaining = until - time.GetUtcNow();
        if (remaining > TimeSpan.Zero) await Task.Delay(remaining, time, ct);
    }
}
