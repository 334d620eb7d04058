using LiteDB;

namespace Bot.Pledges;

/// <summary>submitted → approved / returned (with a reason) → resubmitted; or withdrawn by the member.</summary>
public enum PledgeStatus { Submitted, Approved, Returned, Resubmitted, Withdrawn }

/// <summary>One member's registration for one plan, as stored in LiteDB (collection "pledges").</summary>
public sealed class Pledge
{
    [BsonId(autoId: true)]
    public int Id { get; set; }

    /// <summary>"channel:userId:planId" — unique: one pledge per member per plan.</summary>
    public string Slot { get; set; } = "";

    /// <summary>"channel:userId" — for the member's own list and for deleting their data.</summary>
    public string Member { get; set; } = "";

    public string Channel { get; set; } = "";
    public string UserId { get; set; } = "";

    /// <summary>Where notices about this pledge go (the member's private chat).</summary>
    public string PrivateChatId { get; set; } = "";

    public string PlanId { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Position { get; set; } = "";
    public string Unit { get; set; } = "";
    public List<string> Movements { get; set; } = [];
    public string TitleId { get; set; } = "";
    public string? CommendationId { get; set; }
    public string? Initiative { get; set; }
    public string? InitiativeField { get; set; }
    public string? Commitment { get; set; }
    public PledgeStatus Status { get; set; }
    public string? ReturnReason { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Raised by every write; an update names the version it was based on and fails if someone wrote meanwhile.</summary>
    public long Version { get; set; }

    public bool IsActive => Status != PledgeStatus.Withdrawn;

    public static string SlotOf(string channel, string userId, string planId) => $"{channel}:{userId}:{planId}";

    public static string MemberOf(string channel, string userId) => $"{channel}:{userId}";
}
