using Bot.Members;

namespace Bot.Pledges;

public enum PledgeOutcome
{
    Done,
    NotFound,

    /// <summary>Withdrawn already: nothing to decide or withdraw.</summary>
    NotActive,

    /// <summary>Someone changed the pledge after the actor saw it: nothing was written.</summary>
    Conflict,
}

/// <summary>What a use case did, with the pledge as stored now (after the change, or what won the race).</summary>
public sealed record PledgeResult(PledgeOutcome Outcome, Pledge? Pledge);

/// <summary>Counts for officers: all pledges by status; active ones by title and unit; the latest changed.</summary>
public sealed record PledgeTallies(
    int Total,
    int Active,
    IReadOnlyList<(PledgeStatus Status, int Count)> ByStatus,
    IReadOnlyList<(string TitleId, int Count)> ByTitle,
    IReadOnlyList<(string Unit, int Count)> ByUnit,
    IReadOnlyList<Pledge> Latest);

public enum RegistrationOutcome
{
    Registered,
    Updated,

    /// <summary>The plan does not take pledges now (and the member has no active one to change).</summary>
    Closed,

    /// <summary>The stored pledge is not the version the member confirmed (an officer or another chat changed it).</summary>
    ChangedMeanwhile,

    /// <summary>Approved pledges are final; the member asks an officer.</summary>
    AlreadyApproved,

    /// <summary>The form says what is stored already: nothing to write.</summary>
    Unchanged,

    /// <summary>Registered from another chat between the summary and this confirmation.</summary>
    SavedElsewhere,
}

public sealed record RegistrationResult(RegistrationOutcome Outcome, Pledge? Pledge);

/// <summary>An export: what it holds, its file name and the .xlsx bytes.</summary>
public sealed record PledgeExport(ExportScope Scope, string FileName, byte[] Bytes)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>
/// The pledge use cases, for any front end (chat commands and dialogs, the web dashboard, tests): they take an
/// <see cref="Actor"/>, check rights on the server for every call, and return what happened; front ends only word it.
/// </summary>
public sealed class PledgeService(
    IPledgeStore store, RegistrationPeriods periods, Content.BotContent content, PledgeSheet sheet, ExportFileName names, TimeProvider time, ILogger<PledgeService> logger,
    Operations.BotMetrics metrics)
{
    /// <summary>
    /// Registers the confirmed form as a new pledge, or as an update of the member's pledge for the plan that keeps every
    /// field the form did not change. An update is conditional on the version the summary showed (<see
    /// cref="PledgeDraft.BaseVersion"/>): nothing is overwritten blindly. On disk when this returns.
    /// </summary>
    /// <param name="privateChatId">Where notices go; null when registering from a group (the stored one, or the user id).</param>
    public async Task<RegistrationResult> RegisterAsync(Actor member, PledgeDraft draft, string? privateChatId = null, CancellationToken ct = default)
    {
        var planId = draft.PlanId ?? throw new ArgumentException("The form has no plan.", nameof(draft));
        var now = time.GetUtcNow();
        var existing = await store.FindAsync(member.Channel, member.UserId, planId, ct);
        // Registration may have closed while the form was open; changing a pending pledge stays possible.
        if (existing is not { IsActive: true } && !(content.FindPlan(planId) is { } plan && periods.IsOpen(plan))) return new(RegistrationOutcome.Closed, existing);
        if (existing is not null && draft.BaseVersion != existing.Version) return new(RegistrationOutcome.ChangedMeanwhile, existing);
        if (existing is { Status: PledgeStatus.Approved }) return new(RegistrationOutcome.AlreadyApproved, existing);
        if (existing is { IsActive: true } && PledgeMerge.Changed(existing, draft).Count == 0) return new(RegistrationOutcome.Unchanged, existing);

        var pledge = existing ?? new Pledge { Channel = member.Channel, UserId = member.UserId, PlanId = planId, CreatedAt = now };
        // On Telegram and Zalo a member's private chat id is their user id.
        pledge.PrivateChatId = privateChatId ?? existing?.PrivateChatId ?? member.UserId;
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
            if (existing is null) await store.InsertAsync(pledge, ct);
            else if (!await store.TryUpdateAsync(pledge, ct)) return new(RegistrationOutcome.ChangedMeanwhile, await store.FindAsync(existing.Id, ct));
        }
        catch (DuplicatePledgeException)
        {
            return new(RegistrationOutcome.SavedElsewhere, null);
        }
        logger.LogInformation("Pledge {PledgeId} {Action} for plan {PlanId} in {Channel}", pledge.Id, existing is null ? "registered" : "updated", pledge.PlanId, pledge.Channel);
        metrics.Pledge(pledge.Channel, updated: existing is not null);
        return new(existing is null ? RegistrationOutcome.Registered : RegistrationOutcome.Updated, pledge);
    }

    public Task<IReadOnlyList<Pledge>> MineAsync(Actor member, CancellationToken ct = default) =>
        store.ForMemberAsync(member.Channel, member.UserId, ct);

    /// <summary>The member's own pledge (an id typed by anyone else reads as not found).</summary>
    public async Task<Pledge?> FindMineAsync(Actor member, int id, CancellationToken ct = default) =>
        await store.FindAsync(id, ct) is { } p && p.Channel == member.Channel && p.UserId == member.UserId ? p : null;

    /// <summary>Withdraws the member's pledge as they saw it (<paramref name="seenVersion"/>), or as stored now.</summary>
    public async Task<PledgeResult> WithdrawAsync(Actor member, int id, long? seenVersion, CancellationToken ct = default)
    {
        var pledge = await FindMineAsync(member, id, ct);
        if (pledge is null) return new(PledgeOutcome.NotFound, null);
        if (!pledge.IsActive) return new(PledgeOutcome.NotActive, pledge);
        // The member confirmed what they saw: if an officer approved or returned it since, nothing is withdrawn.
        if (seenVersion is { } seen && seen != pledge.Version) return new(PledgeOutcome.Conflict, pledge);
        pledge.Status = PledgeStatus.Withdrawn;
        pledge.UpdatedAt = time.GetUtcNow();
        if (!await store.TryUpdateAsync(pledge, ct)) return new(PledgeOutcome.Conflict, await store.FindAsync(id, ct));
        logger.LogInformation("Pledge {PledgeId} withdrawn by its member", id);
        return new(PledgeOutcome.Done, pledge);
    }

    /// <summary>A pledge for an officer of its plan.</summary>
    public async Task<Pledge?> FindForOfficerAsync(Actor officer, int id, CancellationToken ct = default)
    {
        if (!officer.IsOfficer) throw new NotAllowedException("review pledges");
        var pledge = await store.FindAsync(id, ct);
        if (pledge is not null && !officer.IsOfficerOf(pledge.PlanId)) throw new NotAllowedException($"review pledges of {pledge.PlanId}");
        return pledge;
    }

    public Task<PledgeResult> ApproveAsync(Actor officer, int id, long? seenVersion, CancellationToken ct = default) =>
        DecideAsync(officer, id, null, seenVersion, ct);

    public Task<PledgeResult> ReturnAsync(Actor officer, int id, string reason, long? seenVersion, CancellationToken ct = default) =>
        DecideAsync(officer, id, reason, seenVersion, ct);

    /// <summary>Pledges of one plan (or every plan) an officer may see, oldest first.</summary>
    public async Task<IReadOnlyList<Pledge>> ListAsync(Actor officer, string? planId, CancellationToken ct = default)
    {
        Authorise(officer, planId);
        var all = await store.AllAsync(planId, ct);
        return planId is null && !officer.Roles.Any(r => r.PlanId is null) ? [.. all.Where(p => officer.IsOfficerOf(p.PlanId))] : all;
    }

    public async Task<PledgeTallies> TalliesAsync(Actor officer, string? planId, int latest, CancellationToken ct = default)
    {
        var all = await ListAsync(officer, planId, ct);
        var active = all.Where(p => p.IsActive).ToList();
        return new PledgeTallies(all.Count, active.Count,
            [.. all.GroupBy(p => p.Status).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))],
            [.. active.GroupBy(p => p.TitleId).OrderByDescending(g => g.Count()).Select(g => (g.Key, g.Count()))],
            // Units typed by hand differ in case and spacing: counted together, shown as first written.
            [.. active.GroupBy(p => PledgeText.Key(p.Unit)).OrderByDescending(g => g.Count()).Select(g => (g.First().Unit, g.Count()))],
            [.. all.OrderByDescending(p => p.UpdatedAt).Take(latest)]);
    }

    /// <summary>The registration list as .xlsx (active pledges of the plan, or every plan, whose unit contains <paramref name="unit"/>); null when empty.</summary>
    public async Task<PledgeExport?> ExportAsync(Actor officer, Content.Plan? plan, string? unit, string language, CancellationToken ct = default)
    {
        var rows = (await ListAsync(officer, plan?.Id, ct)).Where(p => p.IsActive)
            .Where(p => unit is null || PledgeText.Key(p.Unit).Contains(PledgeText.Key(unit), StringComparison.Ordinal)).ToList();
        if (rows.Count == 0) return null;
        var scope = new ExportScope(plan, unit, rows, time.GetUtcNow());
        return new PledgeExport(scope, names.For(language, scope), sheet.Build(language, scope));
    }

    private async Task<PledgeResult> DecideAsync(Actor officer, int id, string? reason, long? seenVersion, CancellationToken ct)
    {
        var pledge = await FindForOfficerAsync(officer, id, ct);
        if (pledge is null) return new(PledgeOutcome.NotFound, null);
        if (!pledge.IsActive) return new(PledgeOutcome.NotActive, pledge);
        // The officer decided on what they saw: if the member changed or withdrew it since, nothing is decided.
        if (seenVersion is { } seen && seen != pledge.Version) return new(PledgeOutcome.Conflict, pledge);
        pledge.Status = reason is null ? PledgeStatus.Approved : PledgeStatus.Returned;
        pledge.ReturnReason = reason;
        pledge.ReviewedBy = officer.Key;
        pledge.ReviewedAt = time.GetUtcNow();
        if (!await store.TryUpdateAsync(pledge, ct)) return new(PledgeOutcome.Conflict, await store.FindAsync(id, ct));
        logger.LogInformation("Pledge {PledgeId} {Decision} by an officer", pledge.Id, pledge.Status);
        return new(PledgeOutcome.Done, pledge);
    }

    private static void Authorise(Actor officer, string? planId)
    {
        if (!officer.IsOfficer || (planId is not null && !officer.IsOfficerOf(planId))) throw new NotAllowedException("see the registration list");
    }
}
