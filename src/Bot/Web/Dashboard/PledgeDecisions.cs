using Bot.Members;
using Bot.Pledges;
using Bot.Web.Audit;

namespace Bot.Web.Dashboard;

/// <summary>What one decision on the dashboard came to: the use case's outcome and whether the member was told.</summary>
public sealed record DecisionResult(int Id, PledgeOutcome Outcome, bool MemberTold);

/// <summary>
/// Approving and returning pledges from the dashboard: the same <see cref="PledgeService"/> use cases as /danhsach
/// (rights and version checks there), the member told in their own channel with the same notice as from chat, and
/// every decision written to the audit log.
/// </summary>
public sealed class PledgeDecisions(PledgeService pledges, PledgeReview review, TurnPipeline pipeline, Delivery delivery, OfficerAudit audit, ILogger<PledgeDecisions> logger)
{
    public async Task<DecisionResult> DecideAsync(Actor officer, int id, string? reason, long? seenVersion, CancellationToken ct)
    {
        var result = reason is null
            ? await pledges.ApproveAsync(officer, id, seenVersion, ct)
            : await pledges.ReturnAsync(officer, id, reason, seenVersion, ct);
        if (result is not { Outcome: PledgeOutcome.Done, Pledge: { } pledge }) return new(id, result.Outcome, false);
        await audit.WriteAsync(officer, reason is null ? "approved" : "returned", $"#{id}", reason, ct);
        return new(id, PledgeOutcome.Done, await TellMemberAsync(pledge, reason, ct));
    }

    /// <summary>Approves each pledge as stored now; one that cannot be approved does not stop the others.</summary>
    public async Task<IReadOnlyList<DecisionResult>> ApproveAllAsync(Actor officer, IEnumerable<int> ids, CancellationToken ct)
    {
        var results = new List<DecisionResult>();
        foreach (var id in ids.Distinct().Take(500)) results.Add(await DecideAsync(officer, id, null, null, ct));
        return results;
    }

    private async Task<bool> TellMemberAsync(Pledge pledge, string? reason, CancellationToken ct)
    {
        var (to, text) = await review.NoticeAsync(pledge, reason, ct);
        if (pipeline.Connector(to.Channel) is not { } connector) return false;
        try
        {
            await delivery.SendAsync(connector, to, text, SendPriority.Reply, ct);
            return true;
        }
        catch (Exception ex) when (ex is ChannelSendException or InvalidOperationException)
        {
            // The member blocked the bot or never opened a private chat: the decision stands, the officer sees it.
            logger.LogWarning(ex, "Could not tell the member about pledge {PledgeId} in {Channel}", pledge.Id, pledge.Channel);
            return false;
        }
    }
}
