namespace Bot.Pledges;

/// <summary>
/// A re-registration or an edit updates the member's stored pledge: what the new form does not say is kept
/// (a quick "/dangky LĐTT" after a full guided pledge keeps its movements, award form, commitment and initiative).
/// </summary>
public static class PledgeMerge
{
    /// <summary>Fills every field the draft leaves empty from the stored pledge.</summary>
    public static void FillFrom(PledgeDraft draft, Pledge stored)
    {
        draft.FullName ??= NullIfEmpty(stored.FullName);
        draft.Position ??= NullIfEmpty(stored.Position);
        draft.Unit ??= NullIfEmpty(stored.Unit);
        if (draft.Movements is not { Count: > 0 } && stored.Movements.Count > 0) draft.Movements = [.. stored.Movements];
        draft.TitleId ??= NullIfEmpty(stored.TitleId);
        draft.CommendationId ??= stored.CommendationId;
        draft.Initiative ??= stored.Initiative;
        draft.InitiativeField ??= stored.InitiativeField;
        draft.Commitment ??= stored.Commitment;
    }

    /// <summary>The fields whose value the draft changes (the plan never changes on an update).</summary>
    public static IReadOnlyList<PledgeField> Changed(Pledge stored, PledgeDraft draft) =>
        [.. Enum.GetValues<PledgeField>().Where(f => f != PledgeField.Plan && !Same(f, stored, draft))];

    public static void Apply(Pledge pledge, PledgeDraft draft)
    {
        pledge.FullName = draft.FullName ?? pledge.FullName;
        pledge.Position = draft.Position ?? pledge.Position;
        pledge.Unit = draft.Unit ?? pledge.Unit;
        pledge.Movements = draft.Movements ?? [];
        pledge.TitleId = draft.TitleId ?? pledge.TitleId;
        pledge.CommendationId = draft.CommendationId;
        pledge.Initiative = draft.Initiative;
        pledge.InitiativeField = draft.InitiativeField;
        pledge.Commitment = draft.Commitment;
    }

    private static bool Same(PledgeField field, Pledge s, PledgeDraft d) => field switch
    {
        PledgeField.Name => Eq(s.FullName, d.FullName),
        PledgeField.Position => Eq(s.Position, d.Position),
        PledgeField.Unit => Eq(s.Unit, d.Unit),
        PledgeField.Movements => (d.Movements ?? []).SequenceEqual(s.Movements),
        PledgeField.Title => Eq(s.TitleId, d.TitleId),
        PledgeField.Initiative => Eq(s.Initiative, d.Initiative),
        PledgeField.InitiativeField => Eq(s.InitiativeField, d.InitiativeField),
        PledgeField.Commendation => Eq(s.CommendationId, d.CommendationId),
        PledgeField.Commitment => Eq(s.Commitment, d.Commitment),
        _ => true,
    };

    private static bool Eq(string? a, string? b) => string.Equals(NullIfEmpty(a), NullIfEmpty(b), StringComparison.Ordinal);

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
