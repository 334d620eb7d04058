using Bot.Audience;
using Bot.Conversations;
using Bot.Members;

namespace Bot.Pledges;

/// <summary>Approving or returning a pledge, and telling the member in their private chat. The officer check is repeated here.</summary>
public sealed class PledgeReview(PledgeService pledges, Actors actors, PledgeSummary summary, IChatDirectory chats, Say say, ILogger<PledgeReview> logger)
{
    public const int MinReason = 3;
    public const int MaxReason = 300;

    /// <summary>Approves the pledge as the officer saw it (<paramref name="seenVersion"/>, from the button), or as stored now when typed.</summary>
    public Task ApproveAsync(ITurnContext turn, int id, long? seenVersion, CancellationToken ct) => DecideAsync(turn, id, null, seenVersion, ct);

    public Task ReturnAsync(ITurnContext turn, int id, string reason, long? seenVersion, CancellationToken ct) => DecideAsync(turn, id, reason, seenVersion, ct);

    /// <summary>The pledge an officer may review, or null after saying why not.</summary>
    public async Task<Pledge?> ReviewableAsync(ITurnContext turn, int id, CancellationToken ct)
    {
        Pledge? pledge;
        try
        {
            pledge = await pledges.FindForOfficerAsync(actors.Of(turn.Activity), id, ct);
        }
        catch (NotAllowedException)
        {
            await say.SendAsync(turn, "core.officer-only");
            return null;
        }
        if (pledge is null) await say.SendAsync(turn, "pledge-officer.not-found", ("id", id));
        else if (!pledge.IsActive) await say.SendAsync(turn, "pledge-officer.cannot-review-withdrawn", ("id", id));
        return pledge is { IsActive: true } ? pledge : null;
    }

    private async Task DecideAsync(ITurnContext turn, int id, string? reason, long? seenVersion, CancellationToken ct)
    {
        if (await ReviewableAsync(turn, id, ct) is null) return;
        var officer = actors.Of(turn.Activity);
        var result = reason is null
            ? await pledges.ApproveAsync(officer, id, seenVersion, ct)
            : await pledges.ReturnAsync(officer, id, reason, seenVersion, ct);
        if (result is not { Outcome: PledgeOutcome.Done, Pledge: { } pledge })
        {
            await ConflictAsync(turn, result.Pledge, reason is null, ct);
            return;
        }

        var told = await NotifyAsync(turn, pledge, reason, ct);
        var lang = await say.LanguageAsync(turn, ct);
        var done = say.Texts.Get(lang, reason is null ? "pledge-officer.approved" : "pledge-officer.returned", ("id", pledge.Id), ("name", pledge.FullName), ("reason", reason));
        await turn.SendAsync(new Reply
        {
            Text = done + "\n" + say.Texts.Get(lang, told ? "pledge-officer.member-told" : "pledge-officer.member-not-told"),
            Choices = [new Choice("/danhsach", say.Texts.Get(lang, "pledge-officer.back-to-list"))],
        }, ct);
    }

    /// <summary>The officer lost a race with the member (or another officer): say what happened meanwhile; nothing was saved.</summary>
    private async Task ConflictAsync(ITurnContext turn, Pledge? now, bool approving, CancellationToken ct)
    {
        var lang = await say.LanguageAsync(turn, ct);
        var texts = say.Texts;
        var action = texts.Get(lang, approving ? "pledge-officer.conflict-approve" : "pledge-officer.conflict-return");
        if (now is null)
        {
            await say.SendAsync(turn, "pledge-officer.conflict-deleted", ("action", action));
            return;
        }
        var key = now.Status == PledgeStatus.Withdrawn ? "pledge-officer.conflict-withdrawn" : "pledge-officer.conflict-changed";
        logger.LogInformation("Officer decision on pledge {PledgeId} lost to a concurrent change ({Status})", now.Id, now.Status);
        await turn.SendAsync(new Reply
        {
            Text = texts.Get(lang, key, ("id", now.Id), ("name", now.FullName), ("status", summary.Status(lang, now.Status)), ("action", action)),
            Choices = now.IsActive ? [new Choice($"/danhsach {now.Id}", texts.Get(lang, "pledge-officer.view-again"))] : [new Choice("/danhsach", texts.Get(lang, "pledge-officer.back-to-list"))],
        }, ct);
    }

    /// <summary>Where and what the member is told about a decision, in their language (any front end sends it).</summary>
    public async Task<(ConversationAddress To, string Text)> NoticeAsync(Pledge pledge, string? reason, CancellationToken ct)
    {
        var key = reason is null ? "pledge-officer.notice-approved" : "pledge-officer.notice-returned";
        var lang = (await chats.FindAsync(pledge.Channel, pledge.PrivateChatId, ct))?.Language ?? Content.Languages.Vietnamese;
        var text = say.Texts.Get(lang, key, ("id", pledge.Id), ("title", summary.TitleName(lang, pledge.TitleId)),
            ("plan", summary.PlanTitle(lang, pledge.PlanId)), ("reason", reason ?? ""));
        return (new ConversationAddress(pledge.Channel, pledge.PrivateChatId, ChatKind.Private), text);
    }

    private async Task<bool> NotifyAsync(ITurnContext turn, Pledge pledge, string? reason, CancellationToken ct)
    {
        var (to, text) = await NoticeAsync(pledge, reason, ct);
        try
        {
            await turn.SendToAsync(to, text, ct);
            return true;
        }
        catch (Exception ex) when (ex is ChannelSendException or InvalidOperationException)
        {
            // The member never opened a private chat with the bot, blocked it, or their channel is not running.
            logger.LogWarning(ex, "Could not tell the member about pledge {PledgeId} in {Channel}", pledge.Id, pledge.Channel);
            return false;
        }
    }
}
