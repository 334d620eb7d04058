using System.Text;
using Bot.Content;
using Bot.Conversations;

namespace Bot.Movements;

/// <summary>/phongtrao (/movements): what the current plan's movements are, each in a paragraph, with the source.</summary>
public sealed class MovementsCommand(BotContent content, PlanCalendar calendar, Say say) : ICommand
{
    public IReadOnlyList<string> Names => ["phongtrao", "movements", "phong_trao"];

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        var lang = await say.LanguageAsync(turn, cancellationToken);
        var texts = say.Texts;
        var plan = PlanFormat.Pick(content, args);
        if (plan is null && args.Trim().Length > 0)
        {
            await turn.SendAsync(new Reply { Text = texts.Get(lang, "movements.unknown-plan", ("query", args.Trim())), Choices = PlanChoices(lang, null) });
            return;
        }
        plan ??= calendar.CurrentPlans().FirstOrDefault() ?? content.DefaultPlan;

        var sb = new StringBuilder(PlanHeader(plan, lang));
        if (plan.Movements.Count == 0) sb.Append("\n\n").Append(texts.Get(lang, "movements.none"));
        foreach (var m in plan.Movements)
            sb.Append("\n\n").Append(texts.Get(lang, "movements.movement", ("name", m.Name.For(lang)), ("summary", m.Summary.For(lang)), ("source", m.Source.For(lang))));
        sb.Append("\n\n").Append(texts.Get(lang, "movements.source", ("document", plan.Document.For(lang))));
        await turn.SendAsync(new Reply { Text = sb.ToString(), Choices = PlanChoices(lang, plan) });
    }

    internal string PlanHeader(Plan plan, string lang)
    {
        var today = calendar.Today;
        var status = today < plan.Start ? "movements.status-upcoming" : today > plan.End ? "movements.status-ended" : "movements.status-running";
        return say.Texts.Get(lang, "movements.plan-header",
            ("title", plan.Title.For(lang)), ("issuer", plan.Issuer.For(lang)), ("issued", PlanFormat.Date(plan.Issued)),
            ("theme", plan.Theme.For(lang)), ("start", PlanFormat.Date(plan.Start)), ("end", PlanFormat.Date(plan.End)),
            ("status", say.Texts.Get(lang, status, ("end", PlanFormat.Date(plan.End)))));
    }

    private IReadOnlyList<Choice> PlanChoices(string lang, Plan? shown) =>
    [
        .. content.Plans.Where(p => p != shown).Select(p => new Choice($"/phongtrao {p.Id}", p.Title.For(lang))),
        new Choice("/dot", say.Texts.Get(lang, "core.menu-phase")),
    ];
}
