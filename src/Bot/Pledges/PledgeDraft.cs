namespace Bot.Pledges;

/// <summary>The questions of the form, in the order they are asked.</summary>
public enum PledgeField { Plan, Name, Position, Unit, Movements, Title, Initiative, InitiativeField, Commendation, Commitment }

/// <summary>The form being filled in (typed dialog state; survives restarts inside the member's state document).</summary>
public sealed class PledgeDraft
{
    public string? PlanId { get; set; }
    public string? FullName { get; set; }
    public string? Position { get; set; }
    public string? Unit { get; set; }
    public List<string>? Movements { get; set; }
    public string? TitleId { get; set; }
    public string? CommendationId { get; set; }
    public string? Initiative { get; set; }
    public string? InitiativeField { get; set; }
    public string? Commitment { get; set; }

    /// <summary>Started from a one-message registration: only required fields that are missing are asked.</summary>
    public bool Quick { get; set; }

    /// <summary>The field whose question is waiting for an answer.</summary>
    public PledgeField? Asking { get; set; }

    /// <summary>The field the member chose to change from the summary.</summary>
    public PledgeField? Editing { get; set; }

    /// <summary>Set when the member edits a stored pledge from /cuatoi: the plan cannot change then.</summary>
    public int? PledgeId { get; set; }

    /// <summary>The version of the member's stored pledge the summary showed: saving fails (and says so) if it changed since.</summary>
    public long? BaseVersion { get; set; }

    public List<PledgeField> Answered { get; set; } = [];
    public List<PledgeField> Asked { get; set; } = [];

    public bool Has(PledgeField field) => field switch
    {
        PledgeField.Plan => PlanId is not null,
        PledgeField.Name => FullName is not null,
        PledgeField.Position => Position is not null,
        PledgeField.Unit => Unit is not null,
        PledgeField.Movements => Movements is { Count: > 0 },
        PledgeField.Title => TitleId is not null,
        PledgeField.Initiative => Initiative is not null,
        PledgeField.InitiativeField => InitiativeField is not null,
        PledgeField.Commendation => CommendationId is not null,
        _ => Commitment is not null,
    };

    public void MarkAnswered(PledgeField field)
    {
        if (!Answered.Contains(field)) Answered.Add(field);
    }

    public void MarkAsked(PledgeField field)
    {
        if (!Asked.Contains(field)) Asked.Add(field);
    }
}

/// <summary>A draft started in a group and waiting to be continued in the private chat (User state).</summary>
public sealed record PendingPledge(PledgeDraft Draft, DateTimeOffset CreatedAt)
{
    public const string Property = "pledge.pending";
}
