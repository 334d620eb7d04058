using Bot.Broadcasts.Audience;
using Bot.Broadcasts.Kickoffs;
using Bot.Broadcasts.Outbox;
using Bot.Content;

namespace Bot.Broadcasts;

/// <summary>What an officer is preparing (kept in the dialog state until confirmed).</summary>
public sealed class BroadcastDraft
{
    public BroadcastKind Kind { get; set; }
    public string? Text { get; set; }
    public string? PlanId { get; set; }
    public string? PhaseId { get; set; }
    public AudienceKind Audience { get; set; }
    public string? AudiencePlanId { get; set; }
    public string? AudienceUnit { get; set; }

    public AudienceSpec Spec() => new() { Kind = Audience, PlanId = AudiencePlanId, Unit = AudienceUnit };
}

/// <summary>Turns a draft into a stored broadcast: the recipients, the message for every channel and language, the rows.</summary>
public sealed class BroadcastStarter(IBroadcastStore store, AudienceResolver audience, KickoffComposer composer, BotContent content, BroadcastQueue queue)
{
    public Task<IReadOnlyList<Recipient>> RecipientsAsync(BroadcastDraft draft, CancellationToken ct) => audience.ResolveAsync(draft.Spec(), ct);

    /// <summary>The message as one channel and language receive it (the officer's preview is exactly this).</summary>
    public MessageVariant Compose(BroadcastDraft draft, string channel, string language)
    {
        if (draft.Kind == BroadcastKind.Announcement) return composer.Announcement(draft.Text ?? "", channel, language);
        var plan = content.FindPlan(draft.PlanId ?? "") ?? throw new InvalidOperationException($"No plan '{draft.PlanId}'.");
        var phase = plan.Phases.FirstOrDefault(p => p.Id == draft.PhaseId) ?? throw new InvalidOperationException($"No phase '{draft.PhaseId}' in {plan.Id}.");
        return composer.Kickoff(plan, phase, channel, language);
    }

    /// <summary>
    /// Stores the broadcast with one pending row per recipient (nothing is sent yet). <paramref name="claim"/> (a
    /// schedule's claim) is committed with it; null means it was refused (a schedule that already fired) and nothing
    /// was stored.
    /// </summary>
    public Task<BroadcastRecord?> CreateAsync(
        BroadcastDraft draft, IReadOnlyList<Recipient> recipients, string createdBy, List<ReportChat> reportTo,
        int? scheduleId = null, object? claim = null, CancellationToken ct = default)
    {
        var channels = recipients.Select(r => r.Channel).Concat(reportTo.Select(r => r.Channel)).Distinct(StringComparer.Ordinal);
        var record = new BroadcastRecord
        {
            Kind = draft.Kind,
            PlanId = draft.PlanId,
            PhaseId = draft.PhaseId,
            ScheduleId = scheduleId,
            CreatedBy = createdBy,
            Audience = draft.Spec(),
            Variants = [.. channels.SelectMany(c => new[] { Languages.Vietnamese, Languages.English }.Select(l => Compose(draft, c, l)))],
            ReportTo = reportTo,
        };
        if (record.Variants.Count == 0) record.Variants.Add(Compose(draft, "", Languages.Vietnamese));
        return store.CreateAsync(record, recipients, claim, ct);
    }

    /// <summary>The officer's progress message is known: keep it with the broadcast and start sending.</summary>
    public async Task StartAsync(BroadcastRecord record, CancellationToken ct = default)
    {
        await store.SaveReportChatsAsync(record.Id, record.ReportTo, ct);
        queue.Enqueue(record.Id);
    }
}
