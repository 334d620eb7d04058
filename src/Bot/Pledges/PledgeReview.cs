using Bot.Audience;
using Bot.Conversations;

namespace Bot.Pledges;

/// <summary>Approving or returning a pledge, and telling the member in their private chat. The officer check is repeated here.</summary>
public sealed class PledgeReview(PledgeRepository repository, PledgeSummary summary, ChatDirectory chats, Officers officers, Say say, ILogger<PledgeReview> logger)
{
    public const int MinReason = 3;
    public const int MaxReason = 300;

    public Task ApproveAsync(ITurnContext turn, int id, CancellationToken ct) => DecideAsync(turn, id, null, ct);

    public Task ReturnAsync(ITurnContext turn, int id, string reason, CancellationToken ct) => DecideAsync(turn, id, reason, ct);

    /// <summary>The pledge an officer may review, or null after saying why not.</summary>
    public async Task<Pledge?> ReviewableAsync(ITurnContext turn, int id, CancellationToken ct)
    {
        if (!officers.IsOfficer(turn.Activity))
        {
            await say.SendAsync(turn, "core.officer-only");
            return null;
        }
        var pledge = repository.Find(id);
        if (pledge is null) await say.SendAsync(turn, "pledge-officer.not-found", ("id", id));
        else if (!pledge.IsActive) await say.SendAsync(turn, "pledge-officer.cannot-review-withdrawn", ("id", id));
        return pledge is { IsActive: true } ? pledge : null;
    }

    private async Task DecideAsync(ITurnContext turn, int id, string? reason, CancellationToken ct)
    {
        if (await ReviewableAsync(turn, id, ct) is not { } pledge) return;
        pledge.Status = reason is null ? PledgeStatus.Approved : PledgeStatus.Returned;
        pledge.ReturnReason = reason;
        pledge.ReviewedBy = $"{turn.Activity.Channel}:{turn.Activity.UserId}";
        pledge.ReviewedAt = turn.Time.GetUtcNow();
        repository.Save(pledge);
        logger.LogInformation("Pledge {PledgeId} {Decision} by an officer", pledge.Id, pledge.Status);

        var told = await NotifyAsync(turn, pledge, reason is null ? "pledge-officer.notice-approved" : "pledge-officer.notice-returned", reason ?? "", ct);
        var lang = await say.LanguageAsync(turn, ct);
        var done = say.Texts.Get(lang, reason is null ? "pledge-officer.approved" : "pledge-officer.returned", ("id", pledge.Id), ("name", pledge.FullName), ("reason", reason));
        await turn.SendAsync(new Reply
        {
            Text = done + "\n" + say.Texts.Get(lang, told ? "pledge-officer.member-told" : "pledge-officer.member-not-told"),
            Choices = [new Choice("/danhsach", say.Texts.Get(lang, "pledge-officer.back-to-list"))],
        }, ct);
    }

    private async Task<bool> NotifyAsync(ITurnContext turn, Pledge pledge, string key, string reason, CancellationToken ct)
    {
        var lang = chats.Find(pledge.Channel, pledge.PrivateChatId)?.Language ?? Content.Languages.Vietnamese;
        var text = say.Texts.Get(lang, key, ("id", pledge.Id), ("title", summary.TitleName(lang, pledge.TitleId)),
            ("plan", summary.PlanTitle(lang, pledge.PlanId)), ("reason", reason));
        try
        {
            await turn.SendToAsync(new ConversationAddress(pledge.Channel, pledge.PrivateChatId, ChatKind.Private), text, ct);
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
