using Bot.Builder.State;
using Bot.Conversations;

namespace Bot.Pledges;

/// <summary>Writes a confirmed form to LiteDB — a new pledge, or an update of the member's pledge for the plan — and only then says so.</summary>
public sealed class PledgeRegistrar(PledgeRepository repository, PledgeSummary summary, Say say, ILogger<PledgeRegistrar> logger)
{
    public Pledge? Existing(ITurnContext turn, string planId) => repository.Find(turn.Activity.Channel, turn.Activity.UserId, planId);

    public async Task SaveAsync(ITurnContext turn, PledgeDraft draft, CancellationToken ct)
    {
        var activity = turn.Activity;
        var now = turn.Time.GetUtcNow();
        var existing = Existing(turn, draft.PlanId!);
        var pledge = existing ?? new Pledge { Channel = activity.Channel, UserId = activity.UserId, PlanId = draft.PlanId!, CreatedAt = now };
        // Notices go to the private chat; on Telegram and Zalo a member's private chat id is their user id.
        pledge.PrivateChatId = activity.ChatKind == ChatKind.Private ? activity.ChatId : existing?.PrivateChatId ?? activity.UserId;
        pledge.FullName = draft.FullName!;
        pledge.Position = draft.Position!;
        pledge.Unit = draft.Unit!;
        pledge.Movements = draft.Movements ?? [];
        pledge.TitleId = draft.TitleId!;
        pledge.CommendationId = draft.CommendationId;
        pledge.Initiative = draft.Initiative;
        pledge.InitiativeField = draft.InitiativeField;
        pledge.Commitment = draft.Commitment;
        pledge.Status = existing?.Status switch
        {
            null or PledgeStatus.Withdrawn or PledgeStatus.Submitted => PledgeStatus.Submitted,
            _ => PledgeStatus.Resubmitted,
        };
        if (existing is { Status: PledgeStatus.Withdrawn }) pledge.CreatedAt = now;
        pledge.UpdatedAt = now;

        var lang = await say.LanguageAsync(turn, ct);
        try
        {
            repository.Save(pledge);
        }
        catch (DuplicatePledgeException)
        {
            // Registered from another chat between the summary and this confirmation: nothing is overwritten blindly.
            await say.SendAsync(turn, "pledge.saved-elsewhere");
            return;
        }
        await turn.State.RemoveAsync(StateScope.User, PendingPledge.Property, ct);
        logger.LogInformation("Pledge {PledgeId} {Action} for plan {PlanId} in {Channel}", pledge.Id, existing is null ? "registered" : "updated", pledge.PlanId, pledge.Channel);

        var title = summary.TitleName(lang, pledge.TitleId);
        var plan = summary.PlanTitle(lang, pledge.PlanId);
        if (activity.ChatKind == ChatKind.Group)
            await say.SendAsync(turn, "pledge.registered-group", ("name", pledge.FullName), ("title", title));
        else
            await say.SendAsync(turn, existing is null ? "pledge.registered" : "pledge.updated",
                ("id", pledge.Id), ("title", title), ("plan", plan), ("status", summary.Status(lang, pledge.Status)));
    }
}
