using Bot.Builder.State;
using Bot.Conversations;
using Bot.Members;

namespace Bot.Pledges;

/// <summary>
/// The chat front end of registration: hands the confirmed form to <see cref="PledgeService.RegisterAsync"/> and words
/// what happened. "Registered" is said only after the pledge is on disk.
/// </summary>
public sealed class PledgeRegistrar(PledgeService pledges, IPledgeStore repository, Actors actors, PledgeSummary summary, RegistrationGate gate, Say say, ILogger<PledgeRegistrar> logger)
{
    public Task<Pledge?> ExistingAsync(ITurnContext turn, string planId, CancellationToken ct) =>
        repository.FindAsync(turn.Activity.Channel, turn.Activity.UserId, planId, ct);

    public async Task SaveAsync(ITurnContext turn, PledgeDraft draft, CancellationToken ct)
    {
        var activity = turn.Activity;
        var lang = await say.LanguageAsync(turn, ct);
        var result = await pledges.RegisterAsync(actors.Of(activity, lang), draft, activity.ChatKind == ChatKind.Private ? activity.ChatId : null, ct);
        switch (result)
        {
            case { Outcome: RegistrationOutcome.Closed }:
                await gate.ClosedAsync(turn, null, ct);
                return;
            case { Outcome: RegistrationOutcome.ChangedMeanwhile }:
                await ChangedMeanwhileAsync(turn, result.Pledge, draft, ct);
                return;
            case { Outcome: RegistrationOutcome.AlreadyApproved, Pledge: { } approved }:
                await gate.ApprovedAsync(turn, approved, ct);
                return;
            case { Outcome: RegistrationOutcome.Unchanged, Pledge: { } same }:
                await turn.State.RemoveAsync(StateScope.User, PendingPledge.Property, ct);
                await say.SendAsync(turn, "pledge.unchanged", ("id", same.Id), ("status", summary.Status(lang, same.Status)));
                return;
            case { Outcome: RegistrationOutcome.SavedElsewhere }:
                // Registered from another chat between the summary and this confirmation: nothing is overwritten blindly.
                await say.SendAsync(turn, "pledge.saved-elsewhere");
                return;
        }
        var pledge = result.Pledge!;
        await turn.State.RemoveAsync(StateScope.User, PendingPledge.Property, ct);
        var title = summary.TitleName(lang, pledge.TitleId);
        var plan = summary.PlanTitle(lang, pledge.PlanId);
        if (activity.ChatKind == ChatKind.Group)
            await say.SendAsync(turn, "pledge.registered-group", ("name", pledge.FullName), ("title", title));
        else
            await say.SendAsync(turn, result.Outcome == RegistrationOutcome.Registered ? "pledge.registered" : "pledge.updated",
                ("id", pledge.Id), ("title", title), ("plan", plan), ("status", summary.Status(lang, pledge.Status)));
    }

    /// <summary>The stored pledge is not the one the summary showed: say so; the member looks again and decides.</summary>
    private async Task ChangedMeanwhileAsync(ITurnContext turn, Pledge? now, PledgeDraft draft, CancellationToken ct)
    {
        logger.LogInformation("A member's update of pledge {PledgeId} lost to a concurrent change", now?.Id);
        if (now is null || draft.BaseVersion is null)
        {
            await say.SendAsync(turn, "pledge.saved-elsewhere");
            return;
        }
        var lang = await say.LanguageAsync(turn, ct);
        await turn.SendAsync(new Reply
        {
            Text = say.Texts.Get(lang, "pledge.changed-meanwhile", ("id", now.Id), ("status", summary.Status(lang, now.Status))),
            Choices = [new Choice("/cuatoi", say.Texts.Get(lang, "pledge-data.mine-see"))],
        }, ct);
    }
}
