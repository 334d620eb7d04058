namespace Bot.Broadcasts.Audience;

/// <summary>
/// Narrows a broadcast to the members of one plan or one unit. Pledges know who registered where; until the
/// pledges feature provides this, the default says "not available" and officers are only offered groups/members.
/// </summary>
public interface IAudienceFilter
{
    bool Available { get; }

    /// <summary>Units named in registrations (for the officer to pick from).</summary>
    IReadOnlyList<string> Units();

    /// <summary>Private chats ("channel:chatId") of members registered for the plan and/or in the unit.</summary>
    IReadOnlySet<string> PrivateChats(string? planId, string? unit);
}

public sealed class NoAudienceFilter : IAudienceFilter
{
    public bool Available => false;
    public IReadOnlyList<string> Units() => [];
    public IReadOnlySet<string> PrivateChats(string? planId, string? unit) => new HashSet<string>();
}
