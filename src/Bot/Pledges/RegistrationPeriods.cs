using Bot.Content;
using LiteDB;

namespace Bot.Pledges;

/// <summary>An officer's /mopdangky or /dongdangky for one plan (collection "registration"); it wins over the plan file.</summary>
public sealed class RegistrationOverride
{
    [BsonId]
    public string PlanId { get; set; } = "";
    public bool Open { get; set; }

    /// <summary>Last day (included) of an opening; null: until an officer closes it.</summary>
    public DateOnly? Until { get; set; }

    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// When each plan takes pledges. Order: an officer's open/close, then `registration:` in the plan file (a missing
/// end falls back to the plan's), then the plan's own period. Officers' overrides are stored and kept in memory
/// (one per plan, read on every registration step), loaded at start and replaced after each write, so a change made
/// by one officer holds for every member at once and survives restarts. With several instances on PostgreSQL each
/// instance reads them again every <see cref="RefreshEvery"/>, so an officer's change on one instance holds on all
/// within that time (found by the scale-out check: a form refused on the instance that had not seen /mopdangky).
/// </summary>
public sealed class RegistrationPeriods(
    IRegistrationOverrideStore store, BotContent content, PlanCalendar calendar, TimeProvider? time = null, ILogger<RegistrationPeriods>? logger = null) : IHostedService
{
    /// <summary>How often an instance on a shared store re-reads the overrides (a one-row-per-plan table).</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(2);

    private readonly BotContent _content = content;
    private readonly PlanCalendar _calendar = calendar;
    private readonly CancellationTokenSource _stopping = new();
    private volatile IReadOnlyDictionary<string, RegistrationOverride> _overrides = new Dictionary<string, RegistrationOverride>();
    private Task _refreshing = Task.CompletedTask;
    private int _saves;

    /// <summary>Loads the stored overrides (the host does this at start); on a shared store, keeps re-reading them.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _overrides = await LoadAsync(cancellationToken);
        if (store is PgRegistrationOverrideStore) _refreshing = RefreshAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _refreshing;
    }

    private async Task<IReadOnlyDictionary<string, RegistrationOverride>> LoadAsync(CancellationToken cancellationToken) =>
        (await store.AllAsync(cancellationToken)).ToDictionary(o => o.PlanId, StringComparer.Ordinal);

    private async Task RefreshAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RefreshEvery, time ?? TimeProvider.System, stopping);
                var saves = Volatile.Read(ref _saves);
                try
                {
                    var loaded = await LoadAsync(stopping);
                    // A save here while reading may not be in what was read: keep it, read again next time.
                    if (saves == Volatile.Read(ref _saves)) _overrides = loaded;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger?.LogWarning(ex, "Could not re-read the registration openings; keeping the last ones read");
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // stopping
        }
    }

    public RegistrationOverride? Override(string planId) => _overrides.GetValueOrDefault(planId);

    public bool IsOpen(Plan plan) => IsOpen(plan, _calendar.Today);

    /// <summary>Plans taking pledges today, the default plan first.</summary>
    public IReadOnlyList<Plan> OpenPlans()
    {
        var today = _calendar.Today;
        return [.. _content.Plans.Where(p => IsOpen(p, today)).OrderByDescending(p => p.Id == _content.DefaultPlanId).ThenBy(p => p.Start)];
    }

    /// <summary>The first and last day of the plan's registration (Last null: open until an officer closes it).</summary>
    public (DateOnly First, DateOnly? Last) Window(Plan plan)
    {
        if (Override(plan.Id) is { } o)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o.At, _calendar.Zone).DateTime);
            return o.Open ? (day, o.Until) : (Configured(plan).First, day);
        }
        var (first, last) = Configured(plan);
        return (first, last);
    }

    /// <summary>The plan whose registration opens next after today, or else the one that closed most recently.</summary>
    public (Plan Plan, DateOnly Day, bool Upcoming)? NextOrLatest()
    {
        var today = _calendar.Today;
        var windows = _content.Plans.Where(p => !IsOpen(p, today)).Select(p => (Plan: p, Window: Window(p))).ToList();
        // MinBy/MaxBy throw on an empty sequence of value tuples: order and take the first instead.
        var next = windows.Where(w => w.Window.First > today && Override(w.Plan.Id) is null).OrderBy(w => w.Window.First).ToList();
        if (next.Count > 0) return (next[0].Plan, next[0].Window.First, true);
        var latest = windows.Where(w => w.Window.Last is { } last && last <= today).OrderByDescending(w => w.Window.Last).ToList();
        return latest.Count == 0 ? null : (latest[0].Plan, latest[0].Window.Last!.Value, false);
    }

    /// <summary>Opens the plan's registration; on disk when this returns (the officer is told right after).</summary>
    public Task OpenAsync(string planId, DateOnly? until, string by, DateTimeOffset at, CancellationToken ct) =>
        SaveAsync(new RegistrationOverride { PlanId = planId, Open = true, Until = until, By = by, At = at }, ct);

    public Task CloseAsync(string planId, string by, DateTimeOffset at, CancellationToken ct) =>
        SaveAsync(new RegistrationOverride { PlanId = planId, Open = false, By = by, At = at }, ct);

    private async Task SaveAsync(RegistrationOverride o, CancellationToken ct)
    {
        await store.SaveAsync(o, ct);
        Interlocked.Increment(ref _saves);
        _overrides = new Dictionary<string, RegistrationOverride>(_overrides, StringComparer.Ordinal) { [o.PlanId] = o };
    }

    private bool IsOpen(Plan plan, DateOnly today)
    {
        if (Override(plan.Id) is { } o) return o.Open && (o.Until is null || today <= o.Until);
        var (first, last) = Configured(plan);
        return today >= first && today <= last;
    }

    private static (DateOnly First, DateOnly Last) Configured(Plan plan) =>
        (plan.Registration?.Opens ?? plan.Start, plan.Registration?.Closes ?? plan.End);
}
