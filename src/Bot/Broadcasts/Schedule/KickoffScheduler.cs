using Bot.Broadcasts.Kickoffs;
using Bot.Broadcasts.Outbox;
using Bot.Content;

namespace Bot.Broadcasts.Schedule;

/// <summary>
/// Announces each phase on its start date at Broadcasts:KickoffLocalTime (Content:TimeZone). The schedule is made
/// from the plan files at every start (idempotent); a kickoff fires once because "scheduled → fired" is claimed in
/// the same unit of work that stores its broadcast. A kickoff whose time passed while the bot was down goes out on
/// start only within Broadcasts:MissedGrace; otherwise it is recorded as missed and officers are told once.
/// </summary>
public sealed class KickoffScheduler(
    IKickoffScheduleStore schedule, BotContent content, PlanCalendar calendar, BroadcastStarter starter, IBroadcastStore broadcasts, OfficerChats officers,
    Texts texts, IOptions<BroadcastOptions> options, TimeProvider time, ILogger<KickoffScheduler> logger)
    : BackgroundService
{
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1); // a cheap re-check; bounds any missed wake-up
    private readonly SemaphoreSlim _wake = new(0);
    private long _asleepUntil; // ticks; 0 while a check runs

    /// <summary>Caught up with the clock: asleep until a moment still to come, with no wake-up pending (tests wait on it).</summary>
    public bool IsIdle => Interlocked.Read(ref _asleepUntil) > time.GetUtcNow().UtcTicks && _wake.CurrentCount == 0;

    /// <summary>Re-reads the schedule now (an officer resumed a kickoff).</summary>
    public void Wake() => _wake.Release();

    public DateTimeOffset RunAtOf(DateOnly day)
    {
        var local = day.ToDateTime(options.Value.KickoffLocalTime);
        return new DateTimeOffset(local, calendar.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        while (!stoppingToken.IsCancellationRequested)
        {
            var failed = false;
            try
            {
                await SyncAsync(stoppingToken);
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Kickoff schedule check failed; trying again in a minute");
                failed = true;
            }
            await SleepAsync(failed ? TimeSpan.FromMinutes(1) : TimeSpan.Zero, stoppingToken);
        }
    }

    /// <summary>
    /// One row per phase of every plan. A phase that had started before its row existed (a fresh install, an old
    /// plan file) is recorded as expired and nobody is told: no kickoff was ever promised for it, and a notice about
    /// 2021 phases at every new install would be noise. /lichphatdong shows it as past.
    /// </summary>
    internal async Task SyncAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var known = (await schedule.AllAsync(ct)).ToDictionary(r => r.Key, StringComparer.Ordinal);
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in content.Plans)
        {
            foreach (var phase in plan.Phases)
            {
                var key = KickoffTemplates.Key(plan.Id, phase.Id);
                current.Add(key);
                var runAt = RunAtOf(phase.Start);
                if (!known.TryGetValue(key, out var row))
                {
                    var state = now - runAt > options.Value.MissedGrace ? ScheduleState.Expired : ScheduleState.Scheduled;
                    await schedule.TryAddAsync(new ScheduledKickoff { Key = key, PlanId = plan.Id, PhaseId = phase.Id, RunAt = runAt, State = state, Reported = state == ScheduleState.Expired }, ct);
                }
                else if (row.RunAt != runAt && await schedule.RescheduleAsync(row.Id, runAt, ct))
                {
                    logger.LogInformation("Kickoff {Key} moved to {RunAt}", key, runAt);
                }
            }
        }
        foreach (var row in known.Values.Where(r => !current.Contains(r.Key)))
            await schedule.TransitionAsync(row.Id, ScheduleState.Cancelled, "content", [ScheduleState.Scheduled, ScheduleState.Paused], ct);
    }

    internal async Task TickAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var row in (await schedule.AllAsync(ct)).Where(r => r.State == ScheduleState.Scheduled && r.RunAt <= now))
        {
            if (now - row.RunAt <= options.Value.MissedGrace) await FireAsync(row, now, ct);
            else if (await schedule.TransitionAsync(row.Id, ScheduleState.Missed, "schedule", [ScheduleState.Scheduled], ct))
                logger.LogWarning("Kickoff {Key} due at {RunAt} was missed (the bot was not running); not sending it late", row.Key, row.RunAt);
        }
        await ReportAsync(ct);
    }

    private async Task FireAsync(ScheduledKickoff row, DateTimeOffset now, CancellationToken ct)
    {
        var draft = new BroadcastDraft { Kind = BroadcastKind.Kickoff, PlanId = row.PlanId, PhaseId = row.PhaseId, Audience = options.Value.KickoffAudience };
        var recipients = await starter.RecipientsAsync(draft, ct);
        var reportTo = await officers.AllAsync(ct);
        var record = await starter.CreateAsync(draft, recipients, "schedule", reportTo, row.Id, schedule.Claim(row.Id, now), ct);
        if (record is null) return; // paused, cancelled or fired by someone else meanwhile
        logger.LogInformation("Kickoff {Key} fired as broadcast {Id} to {Count} recipients", row.Key, record.Id, record.Total);
        // With nobody to send to there is nothing to follow: recorded and logged, officers are not disturbed.
        // The kickoff is claimed and stored: what follows must not be skipped by a shutdown.
        if (record.Total > 0) await starter.StartAsync(record, CancellationToken.None);
        else await broadcasts.FinishAsync(record.Id, BroadcastState.Completed, cancellationToken: CancellationToken.None);
    }

    /// <summary>Missed kickoffs are told to officers once, in one message; they stay untold until an officer got it.</summary>
    private async Task ReportAsync(CancellationToken ct)
    {
        var rows = await schedule.UnreportedAsync(ct);
        if (rows.Count == 0) return;
        var delivered = await officers.NotifyAsync(lang => new Reply { Text = ScheduleView.MissedReport(texts, content, calendar.Zone, rows, options.Value.MissedGrace, lang) }, ct);
        // Officers were told: recording it must not be skipped by a shutdown, or they would be told again.
        if (delivered > 0) await schedule.MarkReportedAsync(rows.Select(r => r.Id), CancellationToken.None);
        else logger.LogWarning("{Count} missed kickoffs could not be reported: no officer chat is reachable", rows.Count);
    }

    private async Task SleepAsync(TimeSpan atLeast, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? next;
        try
        {
            next = (await schedule.AllAsync(ct)).Where(r => r.State == ScheduleState.Scheduled).Select(r => (DateTimeOffset?)r.RunAt).Min();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not read the kickoff schedule; checking again in a minute");
            next = now + TimeSpan.FromMinutes(1);
        }
        var wait = next is { } at ? at - now : LongestSleep;
        wait = wait < atLeast ? atLeast : wait > LongestSleep ? LongestSleep : wait;
        // Sleep until a moment, not for a duration measured before the schedule was read: if the clock moved
        // meanwhile (a test's fake clock, or a slow read), the remaining time is shorter — or already over.
        var until = now + wait;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            var remaining = until - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero) return;
            Interlocked.Exchange(ref _asleepUntil, until.UtcTicks);
            await Task.WhenAny(Task.Delay(remaining, time, cts.Token), _wake.WaitAsync(cts.Token));
        }
        finally
        {
            Interlocked.Exchange(ref _asleepUntil, 0);
            cts.Cancel();
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
