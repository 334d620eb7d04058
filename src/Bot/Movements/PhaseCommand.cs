using System.Text;
using Bot.Content;
using Bot.Conversations;

namespace Bot.Movements;

/// <summary>/dot (/phase): which phase runs today and what members must do — or, honestly, that none does.</summary>
public sealed class PhaseCommand(PlanCalendar calendar, Say say) : ICommand
{
    public IReadOnlyList<string> Names => ["dot", "phase", "dotthidua"];

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        var lang = await say.LanguageAsync(turn, cancellationToken);
        var texts = say.Texts;
        var today = PlanFormat.Date(calendar.Today);
        var running = calendar.CurrentPhases();
        var sb = new StringBuilder();
        foreach (var (plan, phase) in running)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            sb.Append(texts.Get(lang, "phases.current",
                ("today", today), ("phase", phase.Name.For(lang)), ("plan", plan.Title.For(lang)),
                ("start", PlanFormat.Date(phase.Start)), ("end", PlanFormat.Date(phase.End)),
                ("focus", phase.Focus.For(lang)), ("tasks", phase.MemberTasks.For(lang)),
                ("source", $"{plan.Document.For(lang)}, {phase.Source.For(lang)}")));
        }
        if (running.Count == 0) AppendNothingRunning(sb, lang, today);
        await turn.SendAsync(new Reply
        {
            Text = sb.ToString(),
            Choices = [new Choice("/phongtrao", texts.Get(lang, "core.menu-movements"))],
        });
    }

    private void AppendNothingRunning(StringBuilder sb, string lang, string today)
    {
        var texts = say.Texts;
        var inForce = calendar.CurrentPlans();
        if (inForce.Count > 0)
        {
            foreach (var plan in inForce)
                sb.Append(texts.Get(lang, "phases.plan-without-phase", ("today", today), ("plan", plan.Title.For(lang)), ("end", PlanFormat.Date(plan.End)))).Append("\n\n");
        }
        else if (calendar.MostRecentEnded() is { } recent)
        {
            sb.Append(texts.Get(lang, "phases.none-running", ("today", today), ("plan", recent.Title.For(lang)), ("end", PlanFormat.Date(recent.End))));
            if (recent.Phases.Count > 0)
            {
                sb.Append("\n\n").Append(texts.Get(lang, "phases.plan-phases", ("plan", recent.Title.For(lang))));
                foreach (var p in recent.Phases)
                    sb.Append('\n').Append(texts.Get(lang, "phases.phase-line", ("name", p.Name.For(lang)), ("start", PlanFormat.Date(p.Start)), ("end", PlanFormat.Date(p.End))));
            }
            sb.Append("\n\n");
        }
        if (calendar.NextPhase() is { } upcoming)
            sb.Append(texts.Get(lang, "phases.next", ("phase", upcoming.Phase.Name.For(lang)), ("plan", upcoming.Plan.Title.For(lang)), ("start", PlanFormat.Date(upcoming.Phase.Start))));
        else
            sb.Append(texts.Get(lang, "phases.how-to-load"));
    }
}
