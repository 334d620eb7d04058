using Bot.Content;
using Bot.Conversations;
using Bot.Movements;

namespace Bot.Pledges;

/// <summary>/mopdangky (/openregistration) [plan] [đến dd/mm/yyyy], officers only: members may register for the plan from now.</summary>
public sealed class OpenRegistrationCommand(RegistrationPeriods periods, BotContent content, PlanCalendar calendar, Officers officers, Say say) : ICommand
{
    public IReadOnlyList<string> Names => ["mopdangky", "openregistration", "mo_dang_ky"];
    public bool OfficerOnly => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        // The router checks too; this command changes what every member can do, so it checks again itself.
        if (!officers.IsOfficer(turn.Activity))
        {
            await say.SendAsync(turn, "core.officer-only");
            return;
        }
        var (planText, until, problem) = RegistrationArgs.Parse(args);
        var plan = planText.Length == 0 ? content.DefaultPlan : RegistrationArgs.PickPlan(content, planText);
        if (problem == RegistrationArgs.Problem.BadDate || plan is null)
        {
            await say.SendAsync(turn, "pledge-officer.registration-usage", ("plans", string.Join(", ", content.Plans.Select(p => p.Id))));
            return;
        }
        if (until is { } last && last < calendar.Today)
        {
            await say.SendAsync(turn, "pledge-officer.registration-past", ("date", PlanFormat.Date(last)));
            return;
        }
        await periods.OpenAsync(plan.Id, until, $"{turn.Activity.Channel}:{turn.Activity.UserId}", turn.Time.GetUtcNow(), cancellationToken);
        var lang = await say.LanguageAsync(turn, cancellationToken);
        var how = until is { } day
            ? say.Texts.Get(lang, "pledge-officer.registration-until", ("date", PlanFormat.Date(day)))
            : say.Texts.Get(lang, "pledge-officer.registration-until-closed");
        await say.SendAsync(turn, "pledge-officer.registration-opened", ("plan", plan.Title.For(lang)), ("issuer", plan.Issuer.For(lang)), ("until", how));
    }
}
