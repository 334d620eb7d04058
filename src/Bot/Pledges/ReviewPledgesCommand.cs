using System.Text;
using Bot.Builder.Dialogs;
using Bot.Builder.Recognizers;
using Bot.Content;
using Bot.Conversations;
using Bot.Members;

namespace Bot.Pledges;

/// <summary>
/// /danhsach (/pledges), officers only: counts per status, title and unit and the latest registrations;
/// "/danhsach 12" shows one, "/danhsach duyet 12" approves it, "/danhsach tralai 12 [reason]" returns it.
/// </summary>
public sealed class ReviewPledgesCommand(
    PledgeService pledges, Actors actors, PledgeSummary summary, PledgeReview review, DialogRunner dialogs, BotContent content,
    IOptions<PledgeOptions> options, Say say) : ICommand
{
    public IReadOnlyList<string> Names => ["danhsach", "pledges", "danh_sach"];
    public bool OfficerOnly => true;
    public bool StartsFlow => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        var lang = await say.LanguageAsync(turn, cancellationToken);
        if (turn.Activity.ChatKind == ChatKind.Group)
        {
            await say.SendAsync(turn, "pledge-officer.private-only");
            return;
        }
        var words = args.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        var verb = words.Length > 0 ? VietnameseText.Fold(words[0]) : "";
        int id;
        switch (words)
        {
            case [var n] when int.TryParse(n, out id):
                await ShowAsync(turn, lang, id, cancellationToken);
                return;
            case [_, var n, ..] when verb is "duyet" or "approve" && int.TryParse(n, out id):
                await review.ApproveAsync(turn, id, words.Length > 2 ? PledgeEditor.SeenVersion(words[2]) : null, cancellationToken);
                return;
            case [_, var n] when verb is "tralai" or "return" && int.TryParse(n, out id):
                await dialogs.BeginAsync(turn, nameof(ReturnPledgeDialog), new ReturnPledgeForm { PledgeId = id }, cancellationToken);
                return;
            case [_, var n, var rest] when verb is "tralai" or "return" && int.TryParse(n, out id) && PledgeEditor.SeenVersion(rest) is { } seen:
                await dialogs.BeginAsync(turn, nameof(ReturnPledgeDialog), new ReturnPledgeForm { PledgeId = id, SeenVersion = seen }, cancellationToken);
                return;
            case [_, var n, var reason] when verb is "tralai" or "return" && int.TryParse(n, out id):
                if (reason.Trim().Length is >= PledgeReview.MinReason and <= PledgeReview.MaxReason && !reason.Any(PledgeInput.IsForbidden))
                    await review.ReturnAsync(turn, id, reason.Trim(), null, cancellationToken);
                else await say.SendAsync(turn, "pledge-officer.reason-retry", ("min", PledgeReview.MinReason), ("max", PledgeReview.MaxReason));
                return;
        }
        var plan = Movements.PlanFormat.Pick(content, args);
        if (args.Trim().Length > 0 && plan is null)
        {
            await say.SendAsync(turn, "pledge-officer.usage", ("plans", string.Join(", ", content.Plans.Select(p => p.Id))));
            return;
        }
        await StatsAsync(turn, lang, plan, cancellationToken);
    }

    private async Task StatsAsync(ITurnContext turn, string lang, Plan? plan, CancellationToken ct)
    {
        var texts = say.Texts;
        var scope = plan?.Title.For(lang) ?? texts.Get(lang, "pledge-officer.scope-all");
        var tallies = await pledges.TalliesAsync(actors.Of(turn.Activity, lang), plan?.Id, options.Value.LatestCount, ct);
        if (tallies.Total == 0)
        {
            await turn.SendAsync(texts.Get(lang, "pledge-officer.none", ("scope", scope)), ct);
            return;
        }
        var sb = new StringBuilder(texts.Get(lang, "pledge-officer.stats-header", ("scope", scope), ("total", tallies.Active)));
        Section(sb, lang, "pledge-officer.by-status", tallies.ByStatus.Select(s => (summary.Status(lang, s.Status), s.Count)));
        Section(sb, lang, "pledge-officer.by-title", tallies.ByTitle.Select(t => (summary.TitleName(lang, t.TitleId), t.Count)));
        Section(sb, lang, "pledge-officer.by-unit", tallies.ByUnit);
        sb.Append("\n\n").Append(texts.Get(lang, "pledge-officer.latest-header"));
        var latest = tallies.Latest;
        foreach (var p in latest)
            sb.Append('\n').Append(texts.Get(lang, "pledge-officer.latest-line", ("id", p.Id), ("name", p.FullName), ("unit", p.Unit),
                ("title", summary.TitleName(lang, p.TitleId)), ("status", summary.Status(lang, p.Status)), ("date", summary.Date(p.UpdatedAt))));
        var waiting = latest.Where(p => p.Status is PledgeStatus.Submitted or PledgeStatus.Resubmitted)
            .Select(p => new Choice($"/danhsach {p.Id}", texts.Get(lang, "pledge-officer.view", ("id", p.Id), ("name", p.FullName))));
        await turn.SendAsync(new Reply
        {
            Text = sb.ToString(),
            Choices = [.. waiting, new Choice(plan is null ? "/xuat" : $"/xuat {plan.Id}", texts.Get(lang, "pledge-officer.export"))],
        }, ct);
    }

    private async Task ShowAsync(ITurnContext turn, string lang, int id, CancellationToken ct)
    {
        if (await pledges.FindForOfficerAsync(actors.Of(turn.Activity, lang), id, ct) is not { } p)
        {
            await say.SendAsync(turn, "pledge-officer.not-found", ("id", id));
            return;
        }
        var texts = say.Texts;
        var text = texts.Get(lang, "pledge-officer.detail-header", ("id", p.Id), ("status", summary.Status(lang, p.Status)), ("date", summary.Date(p.CreatedAt)))
                   + "\n" + summary.Lines(lang, PledgeSummary.ToDraft(p));
        if (p.ReturnReason is { } reason) text += "\n" + texts.Get(lang, "pledge-data.mine-returned", ("reason", reason));
        IReadOnlyList<Choice> choices = p.IsActive
            ? [new Choice($"/danhsach duyet {p.Id} v{p.Version}", texts.Get(lang, "pledge-officer.approve")),
               new Choice($"/danhsach tralai {p.Id} v{p.Version}", texts.Get(lang, "pledge-officer.return")),
               new Choice("/danhsach", texts.Get(lang, "pledge-officer.back-to-list"))]
            : [new Choice("/danhsach", texts.Get(lang, "pledge-officer.back-to-list"))];
        await turn.SendAsync(new Reply { Text = text, Choices = choices }, ct);
    }

    private void Section(StringBuilder sb, string lang, string headerKey, IEnumerable<(string Name, int Count)> rows)
    {
        sb.Append("\n\n").Append(say.Texts.Get(lang, headerKey));
        foreach (var (name, count) in rows) sb.Append('\n').Append(say.Texts.Get(lang, "pledge-officer.stats-line", ("name", name), ("count", count)));
    }
}
