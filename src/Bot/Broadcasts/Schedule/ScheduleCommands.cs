using Bot.Content;
using Bot.Conversations;

namespace Bot.Broadcasts.Schedule;

/// <summary>/lichphatdong (/schedule): the automatic kickoffs, with pause, resume and cancel buttons.</summary>
public sealed class ScheduleCommand(KickoffScheduleStore schedule, BotContent content, PlanCalendar calendar, Say say, IOptions<BroadcastOptions> options) : ICommand
{
    public IReadOnlyList<string> Names => ["lichphatdong", "schedule", "lich_phat_dong"];
    public bool OfficerOnly => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken) =>
        await turn.SendAsync(await ViewAsync(turn, cancellationToken), cancellationToken);

    internal async Task<Reply> ViewAsync(ITurnContext turn, CancellationToken ct) =>
        ScheduleView.List(say.Texts, content, calendar.Zone, options.Value.KickoffLocalTime, schedule.All(), await say.LanguageAsync(turn, ct));
}

/// <summary>"ks:pause:12", "ks:resume:12", "ks:cancel:12". The officer check runs on every press, not only when the list was shown.</summary>
public sealed class ScheduleButtons(
    Bot.Conversations.Officers officers, KickoffScheduleStore schedule, KickoffScheduler scheduler, ScheduleCommand list, BotContent content, PlanCalendar calendar, Say say)
    : IButtonHandler
{
    public string Prefix => ScheduleView.Prefix;

    public async Task HandleAsync(ITurnContext turn, string data, CancellationToken cancellationToken)
    {
        if (!officers.IsOfficer(turn.Activity))
        {
            await turn.AnswerButtonAsync(await say.TextAsync(turn, "broadcast.officer-only-button"), cancellationToken);
            return;
        }
        var parts = data.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var id) || schedule.Find(id) is not { } row)
        {
            await turn.AnswerButtonAsync(await say.TextAsync(turn, "core.button-expired"), cancellationToken);
            return;
        }
        var by = $"{turn.Activity.Channel}:{turn.Activity.UserId}";
        var (changed, doneKey) = parts[0] switch
        {
            "pause" => (schedule.Transition(id, ScheduleState.Paused, by, ScheduleState.Scheduled), "broadcast.schedule-paused"),
            "resume" => (schedule.Transition(id, ScheduleState.Scheduled, by, ScheduleState.Paused), "broadcast.schedule-resumed"),
            "cancel" => (schedule.Transition(id, ScheduleState.Cancelled, by, ScheduleState.Scheduled, ScheduleState.Paused), "broadcast.schedule-cancelled"),
            _ => (false, "core.button-expired"),
        };
        if (changed && parts[0] == "resume") scheduler.Wake();
        var lang = await say.LanguageAsync(turn, cancellationToken);
        var (plan, phase) = ScheduleView.Names(content, row, lang);
        var current = schedule.Find(id)!;
        await turn.AnswerButtonAsync(null, cancellationToken);
        await turn.SendAsync(changed
            ? say.Texts.Get(lang, doneKey, ("phase", phase), ("plan", plan))
            : BroadcastFormat.Html(say.Texts, lang, "broadcast.schedule-unchanged", [("phase", phase), ("plan", plan)],
                ("state", ScheduleView.State(say.Texts, calendar.Zone, current, lang))), cancellationToken);
        await turn.SendAsync(await list.ViewAsync(turn, cancellationToken), cancellationToken);
    }
}
