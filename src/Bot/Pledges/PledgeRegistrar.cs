using Bot.Builder.State;
using Bot.Conversations;

namespace Bot.Pledges;

/// <summary>
/// Writes a confirmed form to LiteDB — a new pledge, or an update of the member's pledge for the plan that keeps
/// every field the form did not change — and only then says so. An update is conditional on the version the
/// summary showed: if an officer (or the member from another chat) changed the pledge since, nothing is saved and
/// the member is told what happened.
/// </summary>
public sealed class PledgeRegistrar(IPledgeStore repository, PledgeSummary summary, RegistrationGate gate, Say say, ILogger<PledgeRegistrar> logger)
{
    public Task<Pledge?> ExistingAsync(ITurnContext turn, string planId, CancellationToken ct) =>
        repository.FindAsync(turn.Activity.Channel, turn.Activity.UserId, planId, ct);

    public async Task SaveAsync(ITurnContext turn, PledgeDraft draft, CancellationToken ct)
    {
        var activity = turn.Activity;
        var now = turn.Time.GetUtcNow();
        var existing = await ExistingAsync(turn, draft.PlanId!, ct);
        // Registration may have closed while the form was open; changing a pending pledge stays possible.
        if (existing is not { IsActive: true } && !gate.IsOpen(draft.PlanId!))
        {
            await gate.ClosedAsync(turn, null, ct);
            return;
        }
        if (existing is not null && draft.BaseVersion != existing.Version)
        {
            await ChangedMeanwhileAsync(turn, existing, draft, ct);
            return;
        }
        if (existing is { Status: PledgeStatus.Approved })
        {
            await gate.ApprovedAsync(turn, existing, ct);
            return;
        }
        if (existing is { IsActive: true } && PledgeMerge.Changed(existing, draft).Count == 0)
        {
            await turn.State.RemoveAsync(StateScope.User, PendingPledge.Property, ct);
            await say.SendAsync(turn, "pledge.unchanged", ("id", existing.Id), ("status", summary.Status(await say.LanguageAsync(turn, ct), existing.Status)));
            return;
        }
        var pledge = existing ?? new Pledge { Channel = activity.Channel, UserId = activity.UserId, PlanId = draft.PlanId!, CreatedAt = now };
        // Notices go to the private chat; on Telegram and Zalo a member's private chat id is their user id.
        pledge.PrivateChatId = activity.ChatKind == ChatKind.Private ? activity.ChatId : existing?.PrivateChatId ?? activity.UserId;
        PledgeMerge.Apply(pledge, draft);
        pledge.Status = existing?.Status switch
        {
            null or PledgeStatus.Withdrawn or PledgeStatus.Submitted => PledgeStatus.Submitted,
            _ => PledgeStatus.Resubmitted,
        };
        if (existing is { Status: PledgeStatus.Withdrawn }) pledge.CreatedAt = now;
        pledge.UpdatedAt = now;

        try
        {
            if (existing is null) await repository.InsertAsync(pledge, ct);
            else if (!await repository.TryUpdateAsync(pledge, ct))
            {
                await ChangedMeanwhileAsync(turn, await repository.FindAsync(existing.Id, ct), draft, ct);
                return;
            }
        }
        catch (DuplicatePledgeException)
        {
            // Registered from another chat between the summary and this confirmation: nothing is overwritten blindly.
            await say.SendAsync(turn, "pledge.saved-elsewhere");
            return;
        }
        await turn.State.RemoveAsync(StateScope.User, PendingPledge.Property, ct);
        logger.LogInformation("Pledge {PledgeId} {Action} for plan {PlanId} in {Channel}", pledge.Id, existing is null ? "registered" : "updated", pledge.PlanId, pledge.Channel);

        var lang = await say.LanguageAsync(turn, ct);
        var title = summary.TitleName(lang, pledge.TitleId);
        var plan = summary.PlanTitle(lang, pledge.PlanId);
        if (activity.ChatKind == ChatKind.Group)
            await say.SendAsync(turn, "pledge.registered-group", ("name", pledge.FullName), ("title", title));
        else
            await say.SendAsync(turn, existing is null ? "pledge.registered" : "pledge.updated",
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
