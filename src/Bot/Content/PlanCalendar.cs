namespace Bot.Content;

/// <summary>"Today" and "now" in the plans' time zone, from the injected clock; which plan and phase are current.</summary>
public sealed class PlanCalendar(BotContent content, TimeProvider time, IOptions<ContentOptions> options)
{
    public TimeZoneInfo Zone { get; } = FindZone(options.Value.TimeZone);

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);

    /// <summary>Plans whose period covers today, the default plan first.</summary>
    public IReadOnlyList<Plan> CurrentPlans() =>
        [.. content.Plans.Where(p => p.Covers(Today)).OrderByDescending(p => p.Id == content.DefaultPlanId).ThenBy(p => p.Start)];

    /// <summary>(plan, phase) pairs running today.</summary>
    public IReadOnlyList<(Plan Plan, Phase Phase)> CurrentPhases() =>
        [.. content.Plans.Select(p => (Plan: p, Phase: p.PhaseOn(Today))).Where(x => x.Phase is not null).Select(x => (x.Plan, x.Phase!))];

    /// <summary>The plan that ended most recently (for an honest "nothing is running" answer).</summary>
    public Plan? MostRecentEnded() => content.Plans.Where(p => p.End < Today).MaxBy(p => p.End);

    /// <summary>The next phase to start after today, if any plan has one.</summary>
    public (Plan Plan, Phase Phase)? NextPhase() =>
        content.Plans.SelectMany(p => p.Phases.Select(ph => (Plan: p, Phase: ph)))
            .Where(x => x.Phase.Start > Today).OrderBy(x => x.Phase.Start).Cast<(Plan, Phase)?>().FirstOrDefault();

    public static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == "Asia/Ho_Chi_Minh")
        {
            // Machines without tzdata: Vietnam has had no daylight saving since 1975, so a fixed UTC+7 is exact.
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(7), id, id);
        }
    }
}
