using Bot.Content;
using Bot.Conversations;
using Bot.Members;

namespace Bot.Broadcasts.Schedule;

/// <summary>/lichphatdong (/schedule): the automatic kickoffs, with pause, resume and cancel buttons.</summary>
public sealed class ScheduleCommand(ScheduleService schedule, TurnActors actors, BotContent content, PlanCalendar calendar, Say say, IOptions<BroadcastOptions> options) : ICommand
{
    public IReadOnlyList<string> Names => ["lichphatdong", "schedule", "lich_phat_dong"];
    public bool OfficerOnly => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken) =>
        await turn.SendAsync(await ViewAsync(await actors.OfAsync(turn, cancellationToken), cancellationToken), cancellationToken);

    internal async Task<Reply> ViewAsync(Actor actor, CancellationToken ct) =>
        ScheduleView.List(say.Texts, content, calendar.Zone, options.Value.KickoffLocalTime, await schedule.ListAsync(actor, ct), actor.Language);
}

/// <summary>"ks:pause:12", "ks:resume:12", "ks:cancel:12". The officer check runs on every press, not only when the list was shown.</summary>
public sealed class ScheduleButtons(ScheduleService schedule, TurnActors actors, ScheduleCommand list, BotContent content, PlanCalendar calendar, Say say)
    : IButtonHandler
{
    public string Prefix => ScheduleView.Prefix;

    public async Task HandleAsync(ITurnContext turn, string data, CancellationToken cancellationToken)
    {
        var actor = await actors.OfAsync(turn, cancellationToken);
        var parts = data.Split(':');
        ScheduleChange? change;
        try
        {
            change = parts.Length == 2 && int.TryParse(parts[1], out var id)
                ? parts[0] switch
                {
                    "pause" => await schedule.PauseAsync(actor, id, cancellationToken),
                    "resume" => await schedule.ResumeAsync(actor, id, cancellationToken),
                    "cancel" => await schedule.CancelAsync(actor, id, cancellationToken),
                    _ => null,
                }
                : null;
        }
        catch (NotAllowedException)
        {
            await turn.AnswerButtonAsync(await say.TextAsync(turn, "broadcast.officer-only-button"), cancellationToken);
            return;
        }
        if (change is null)
        {
            await turn.AnswerButtonAsync(await say.TextAsync(turn, actor.IsOfficer ? "core.button-expired" : "broadcast.officer-only-button"), cancellationToken);
            return;
        }
        var lang = actor.Language;
        var (plan, phase) = ScheduleView.Names(content, change.Kickoff, lang);
        var doneKey = $"broadcast.schedule-{(parts[0] == "resume" ? "resumed" : parts[0] == "pause" ? "paused" : "cancelled")}";
        await turn.AnswerButtonAsync(null, cancellationToken);
        await turn.SendAsync(change.Changed
            ? say.Texts.Get(lang, doneKey, ("phase", phase), ("plan", plan))
            : BroadcastFormat.Html(say.Texts, lang, "broadcast.schedule-unchanged", [("phase", phase), ("plan", plan)],
                ("state", ScheduleView.State(say.Texts, calendar.Zone, change.Kickoff, lang))), cancellationToken);
        await turn.SendAsync(await list.ViewAsync(actor, cancellationToken), cancellationToken);
    }
}
