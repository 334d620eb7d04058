using Bot.Content;
using Bot.Conversations;
using Bot.Movements;

namespace Bot.Pledges;

/// <summary>
/// Checked before a registration starts and again before it is saved: is registration open for the plan, and may
/// the member still change their pledge (an approved one is the officer's to return first)?
/// </summary>
public sealed class RegistrationGate(RegistrationPeriods periods, IPledgeStore repository, BotContent content, Say say)
{
    /// <summary>True when the member may go on; otherwise says why (politely, with whom to ask) and returns false.</summary>
    public async Task<bool> AllowsAsync(ITurnContext turn, string? planId, CancellationToken ct)
    {
        var plan = planId is null ? null : content.FindPlan(planId);
        var open = periods.OpenPlans();
        if (plan is null ? open.Count == 0 : !periods.IsOpen(plan))
        {
            await ClosedAsync(turn, plan, ct);
            return false;
        }
        var target = plan ?? (open.Count == 1 ? open[0] : null);
        if (target is not null && await repository.FindAsync(turn.Activity.Channel, turn.Activity.UserId, target.Id, ct) is { Status: PledgeStatus.Approved } approved)
        {
            await ApprovedAsync(turn, approved, ct);
            return false;
        }
        return true;
    }

    public bool IsOpen(string planId) => content.FindPlan(planId) is { } plan && periods.IsOpen(plan);

    public async Task ClosedAsync(ITurnContext turn, Plan? plan, CancellationToken ct)
    {
        var lang = await say.LanguageAsync(turn, ct);
        var texts = say.Texts;
        var text = plan is null ? texts.Get(lang, "pledge.closed") : texts.Get(lang, "pledge.closed-plan", ("plan", plan.Title.For(lang)));
        if (periods.NextOrLatest() is { } when)
            text += "\n" + texts.Get(lang, when.Upcoming ? "pledge.closed-next" : "pledge.closed-latest",
                ("plan", when.Plan.Title.For(lang)), ("issuer", when.Plan.Issuer.For(lang)), ("date", PlanFormat.Date(when.Day)));
        text += "\n" + texts.Get(lang, "pledge.closed-ask");
        await turn.SendAsync(text, ct);
    }

    public async Task ApprovedAsync(ITurnContext turn, Pledge approved, CancellationToken ct) =>
        await say.SendAsync(turn, "pledge.approved-locked", ("id", approved.Id));
}
