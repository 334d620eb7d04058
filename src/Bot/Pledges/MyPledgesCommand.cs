using System.Text;
using Bot.Builder.Dialogs;
using Bot.Conversations;
using Bot.Members;

namespace Bot.Pledges;

/// <summary>
/// /cuatoi (/mypledges): the member's pledges with their status; "/cuatoi rut 12" withdraws one after a confirmation,
/// "/cuatoi sua 12" edits a pending or returned one (<see cref="PledgeEditor"/>).
/// </summary>
public sealed class MyPledgesCommand(PledgeService pledges, Actors actors, PledgeSummary summary, PledgeEditor editor, DialogRunner dialogs, IDeepLinks links, Say say) : ICommand
{
    private const string Withdraw = "rut";
    private const string Edit = "sua";
    private const string Confirmed = "xacnhan";

    public IReadOnlyList<string> Names => ["cuatoi", "mypledges", "cua_toi"];

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        var lang = await say.LanguageAsync(turn, cancellationToken);
        if (turn.Activity.ChatKind == ChatKind.Group)
        {
            await PrivateOnlyAsync(turn, lang, links, say, PledgePayloads.MyPledges, cancellationToken);
            return;
        }
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is [Withdraw or "withdraw", var id, ..] && int.TryParse(id, out var pledgeId))
        {
            var confirmed = words.Length > 2 && words[2] == Confirmed;
            await WithdrawAsync(turn, lang, pledgeId, confirmed, confirmed && words.Length > 3 ? PledgeEditor.SeenVersion(words[3]) : null, cancellationToken);
            return;
        }
        if (words is [Edit or "edit", var editId, ..] && int.TryParse(editId, out var toEdit))
        {
            await editor.EditAsync(turn, lang, toEdit, cancellationToken);
            return;
        }
        var mine = await pledges.MineAsync(actors.Of(turn.Activity, lang), cancellationToken);
        if (mine.Count == 0)
        {
            await turn.SendAsync(new Reply { Text = say.Texts.Get(lang, "pledge-data.mine-none"), Choices = [new Choice("/dangky", say.Texts.Get(lang, "pledge.menu"))] }, cancellationToken);
            return;
        }
        var sb = new StringBuilder(say.Texts.Get(lang, "pledge-data.mine-header"));
        foreach (var p in mine)
        {
            sb.Append("\n\n").Append(say.Texts.Get(lang, "pledge-data.mine-line", ("id", p.Id), ("plan", summary.PlanTitle(lang, p.PlanId)),
                ("title", summary.TitleName(lang, p.TitleId)), ("status", summary.Status(lang, p.Status)), ("date", summary.Date(p.UpdatedAt))));
            if (p is { Status: PledgeStatus.Returned, ReturnReason: { } reason }) sb.Append('\n').Append(say.Texts.Get(lang, "pledge-data.mine-returned", ("reason", reason)));
        }
        // In the middle of a form the router puts its question back right after this list, which would expire these buttons.
        var inForm = await dialogs.IsActiveAsync(turn, cancellationToken);
        var choices = inForm ? [] : mine.Where(PledgeEditor.CanEdit)
            .Select(p => new Choice($"/cuatoi {Edit} {p.Id}", say.Texts.Get(lang, "pledge-data.mine-edit", ("id", p.Id))))
            .Concat(mine.Where(p => p.IsActive).Select(p => new Choice($"/cuatoi {Withdraw} {p.Id}", say.Texts.Get(lang, "pledge-data.mine-withdraw", ("id", p.Id))))).ToList();
        await turn.SendAsync(new Reply { Text = sb.ToString(), Choices = choices }, cancellationToken);
    }

    private async Task WithdrawAsync(ITurnContext turn, string lang, int id, bool confirmed, long? seenVersion, CancellationToken ct)
    {
        var member = actors.Of(turn.Activity, lang);
        if (!confirmed)
        {
            // The id comes from the member's message: only their own pledge can be touched.
            var pledge = await pledges.FindMineAsync(member, id, ct);
            if (pledge is not { IsActive: true })
            {
                await turn.SendAsync(say.Texts.Get(lang, pledge is null ? "pledge-data.mine-not-found" : "pledge-data.mine-already-withdrawn", ("id", id)), ct);
                return;
            }
            await turn.SendAsync(new Reply
            {
                Text = say.Texts.Get(lang, "pledge-data.mine-confirm-withdraw", ("id", id), ("title", summary.TitleName(lang, pledge.TitleId)), ("plan", summary.PlanTitle(lang, pledge.PlanId))),
                Choices =
                [
                    new Choice($"/cuatoi {Withdraw} {id} {Confirmed} v{pledge.Version}", say.Texts.Get(lang, "pledge-data.mine-withdraw-yes")),
                    new Choice("/cuatoi", say.Texts.Get(lang, "pledge-data.mine-withdraw-no")),
                ],
            }, ct);
            return;
        }
        var result = await pledges.WithdrawAsync(member, id, seenVersion, ct);
        switch (result.Outcome)
        {
            case PledgeOutcome.Done:
                await turn.SendAsync(say.Texts.Get(lang, "pledge-data.mine-withdrawn", ("id", id)), ct);
                return;
            case PledgeOutcome.NotFound:
                await turn.SendAsync(say.Texts.Get(lang, "pledge-data.mine-not-found", ("id", id)), ct);
                return;
            case PledgeOutcome.NotActive:
                await turn.SendAsync(say.Texts.Get(lang, "pledge-data.mine-already-withdrawn", ("id", id)), ct);
                return;
            default:
                await ConflictAsync(turn, lang, id, result.Pledge, ct);
                return;
        }
    }

    private async Task ConflictAsync(ITurnContext turn, string lang, int id, Pledge? now, CancellationToken ct)
    {
        if (now is null || !now.IsActive)
        {
            await turn.SendAsync(say.Texts.Get(lang, now is null ? "pledge-data.mine-not-found" : "pledge-data.mine-already-withdrawn", ("id", id)), ct);
            return;
        }
        await turn.SendAsync(new Reply
        {
            Text = say.Texts.Get(lang, "pledge-data.mine-withdraw-conflict", ("id", now.Id), ("status", summary.Status(lang, now.Status))),
            Choices = [new Choice("/cuatoi", say.Texts.Get(lang, "pledge-data.mine-see"))],
        }, ct);
    }

    /// <summary>Personal lists are never shown in a group: point to the private chat instead.</summary>
    internal static async Task PrivateOnlyAsync(ITurnContext turn, string lang, IDeepLinks links, Say say, string payload, CancellationToken ct)
    {
        var link = links.PrivateChatLink(turn.Activity.Channel, payload);
        await turn.SendAsync(new Reply
        {
            Text = say.Texts.Get(lang, "pledge-data.private-only"),
            Buttons = link is null ? [] : [new Button(say.Texts.Get(lang, "pledge.open-private"), Url: link)],
        }, ct);
    }
}
