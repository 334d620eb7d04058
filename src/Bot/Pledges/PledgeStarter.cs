using Bot.Builder.Dialogs;
using Bot.Builder.State;
using Bot.Conversations;

namespace Bot.Pledges;

/// <summary>
/// Where every way into the form meets (/dangky, a quick message, plain "đăng ký …", a deep link): picks the plan,
/// fills what is known, and runs the form in the private chat — or, in a group, confirms a complete quick
/// registration there and sends everything else to the private chat.
/// </summary>
public sealed class PledgeStarter(
    DialogRunner runner, PledgeQuestions questions, PledgeContent pledges, IDeepLinks links, Say say, IOptions<PledgeOptions> options, RegistrationGate gate)
{
    private TimeSpan Expiry => options.Value.DraftExpiry ?? TimeSpan.FromHours(pledges.Form.DraftExpiryHours);

    public async Task StartAsync(ITurnContext turn, PledgeDraft draft, CancellationToken ct)
    {
        if (!await gate.AllowsAsync(turn, draft.PlanId, ct)) return;
        var candidates = questions.CandidatePlans();
        if (draft.PlanId is null && candidates.Count == 1) draft.PlanId = candidates[0].Id;
        if (draft.Quick) await questions.FillFromLatestAsync(draft, turn.Activity.Channel, turn.Activity.UserId, ct);
        foreach (var field in Enum.GetValues<PledgeField>().Where(draft.Has)) draft.MarkAnswered(field);

        if (turn.Activity.ChatKind == ChatKind.Group)
        {
            // Kept for the private chat: "edit in private" and the link below continue from here.
            await turn.State.SetAsync(StateScope.User, PendingPledge.Property, new PendingPledge(draft, turn.Time.GetUtcNow()), ct);
            if (!draft.Quick || questions.Missing(draft).Any())
            {
                await GoPrivateAsync(turn, draft.PlanId, ct);
                return;
            }
        }
        await runner.BeginAsync(turn, nameof(RegisterPledgeDialog), draft, ct);
    }

    /// <summary>/dangky or a deep link in the private chat: continue a registration begun in a group, or start afresh.</summary>
    public async Task StartGuidedAsync(ITurnContext turn, string? planId, CancellationToken ct)
    {
        if (!await gate.AllowsAsync(turn, planId, ct)) return;
        if (turn.Activity.ChatKind == ChatKind.Group)
        {
            await GoPrivateAsync(turn, planId, ct);
            return;
        }
        var pending = await turn.State.GetAsync<PendingPledge>(StateScope.User, PendingPledge.Property, ct);
        await turn.State.RemoveAsync(StateScope.User, PendingPledge.Property, ct);
        var fresh = pending is not null && turn.Time.GetUtcNow() - pending.CreatedAt <= Expiry && (planId is null || pending.Draft.PlanId == planId);
        await StartAsync(turn, fresh ? pending!.Draft : new PledgeDraft { PlanId = planId }, ct);
    }

    /// <summary>In a group: a button (or, without deep links, directions) to the private chat, where the form runs.</summary>
    public async Task GoPrivateAsync(ITurnContext turn, string? planId, CancellationToken ct)
    {
        var lang = await say.LanguageAsync(turn, ct);
        var candidates = questions.CandidatePlans();
        planId ??= candidates.Count == 1 ? candidates[0].Id : null;
        var link = links.PrivateChatLink(turn.Activity.Channel, PledgePayloads.FormFor(planId));
        await turn.SendAsync(link is null
            ? say.Texts.Get(lang, "pledge.group-go-private-no-link")
            : new Reply { Text = say.Texts.Get(lang, "pledge.group-go-private"), Buttons = [new Button(say.Texts.Get(lang, "pledge.open-private"), Url: link)] }, ct);
    }
}
