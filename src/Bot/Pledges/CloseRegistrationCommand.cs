using Bot.Content;
using Bot.Conversations;

namespace Bot.Pledges;

/// <summary>/dongdangky (/closeregistration) [plan], officers only: from now /dangky says registration is closed for the plan.</summary>
public sealed class CloseRegistrationCommand(RegistrationPeriods periods, BotContent content, Officers officers, Say say) : ICommand
{
    public IReadOnlyList<string> Names => ["dongdangky", "closeregistration", "dong_dang_ky"];
    public bool OfficerOnly => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        if (!officers.IsOfficer(turn.Activity))
        {
            await say.SendAsync(turn, "core.officer-only");
            return;
        }
        var (planText, _, _) = RegistrationArgs.Parse(args);
        var open = periods.OpenPlans();
        // Without a plan: the one plan taking pledges; with several open the officer must say which.
        var plan = planText.Length > 0 ? RegistrationArgs.PickPlan(content, planText) : open.Count == 1 ? open[0] : null;
        if (plan is null && (planText.Length > 0 || open.Count > 1))
        {
            await say.SendAsync(turn, "pledge-officer.registration-usage", ("plans", string.Join(", ", content.Plans.Select(p => p.Id))));
            return;
        }
        var lang = await say.LanguageAsync(turn, cancellationToken);
        plan ??= content.DefaultPlan;
        var wasOpen = periods.IsOpen(plan);
        await periods.CloseAsync(plan.Id, $"{turn.Activity.Channel}:{turn.Activity.UserId}", turn.Time.GetUtcNow(), cancellationToken);
        await say.SendAsync(turn, wasOpen ? "pledge-officer.registration-closed" : "pledge-officer.registration-already-closed", ("plan", plan.Title.For(lang)), ("issuer", plan.Issuer.For(lang)));
    }
}
