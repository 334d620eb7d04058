using Bot.Broadcasts.Audience;
using Bot.Broadcasts.Outbox;
using Bot.Members;

namespace Bot.Broadcasts;

/// <summary>What an officer checks before confirming: the message exactly as they will receive it, and who gets it.</summary>
public sealed record BroadcastPreview(MessageVariant Message, IReadOnlyList<Recipient> Recipients)
{
    public int Groups => Recipients.Count(r => r.Kind == ChatKind.Group);
    public int Members => Recipients.Count(r => r.Kind == ChatKind.Private);
}

/// <summary>A broadcast and its recipient rows counted by state.</summary>
public sealed record BroadcastStatus(BroadcastRecord Broadcast, IReadOnlyDictionary<RecipientState, int> Counts);

/// <summary>
/// The officers' broadcast use cases, whatever the front end (a chat dialog, the web dashboard): each takes the
/// actor who asks and checks their right here, on every call.
/// </summary>
public sealed class BroadcastService(BroadcastStarter starter, IBroadcastStore store, BroadcastRunner runner)
{
    public const int HistoryLimit = 20;

    /// <summary>How many groups and members an audience reaches now.</summary>
    public async Task<(int Groups, int Members)> ReachAsync(Actor actor, AudienceSpec audience, CancellationToken ct)
    {
        Rights.RequireOfficer(actor, "see the audience of a broadcast");
        return AudienceResolver.Count(await starter.RecipientsAsync(new BroadcastDraft { Audience = audience.Kind, AudiencePlanId = audience.PlanId, AudienceUnit = audience.Unit }, ct));
    }

    /// <summary>The preview of a draft for the actor's channel and language; nothing is stored.</summary>
    public async Task<BroadcastPreview> DraftAsync(Actor actor, BroadcastDraft draft, CancellationToken ct)
    {
        Rights.RequireOfficer(actor, "prepare a broadcast");
        var recipients = await starter.RecipientsAsync(draft, ct);
        return new BroadcastPreview(starter.Compose(draft, actor.Channel, actor.Language), recipients);
    }

    /// <summary>
    /// Resolves the audience, stores the broadcast with one row per recipient and starts sending.
    /// <paramref name="announce"/> runs between the two (the chat posts its progress message, whose id the report
    /// edits later); the broadcast starts even when it fails, because it is on disk already.
    /// </summary>
    public async Task<BroadcastRecord> StartAsync(
        Actor actor, BroadcastDraft draft, IReadOnlyList<ReportChat> reportTo, Func<BroadcastRecord, Task>? announce, CancellationToken ct)
    {
        Rights.RequireOfficer(actor, "start a broadcast");
        var recipients = await starter.RecipientsAsync(draft, ct);
        var record = await starter.CreateAsync(draft, recipients, actor.Key, [.. reportTo], ct: ct)
            ?? throw new InvalidOperationException("A broadcast without a claim cannot be refused.");
        try
        {
            if (announce is not null) await announce(record);
        }
        finally
        {
            await starter.StartAsync(record, CancellationToken.None);
        }
        return record;
    }

    /// <summary>The broadcasts sending in this process, by id.</summary>
    public IReadOnlyCollection<int> Running(Actor actor)
    {
        Rights.RequireOfficer(actor, "see running broadcasts");
        return runner.Running;
    }

    /// <summary>Stops a broadcast for good (pending rows are cancelled); false when it had already finished.</summary>
    public Task<bool> StopAsync(Actor actor, int id, CancellationToken ct)
    {
        Rights.RequireOfficer(actor, "stop a broadcast");
        return runner.CancelAsync(id, actor.Name, ct);
    }

    public async Task<BroadcastStatus?> ProgressAsync(Actor actor, int id, CancellationToken ct)
    {
        Rights.RequireOfficer(actor, "see a broadcast's progress");
        return await store.FindAsync(id, ct) is { } broadcast ? new BroadcastStatus(broadcast, await store.CountsAsync(id, ct)) : null;
    }

    /// <summary>The newest broadcasts first.</summary>
    public Task<IReadOnlyList<BroadcastRecord>> HistoryAsync(Actor actor, CancellationToken ct, int limit = HistoryLimit)
    {
        Rights.RequireOfficer(actor, "see past broadcasts");
        return store.RecentAsync(limit, ct);
    }
}
