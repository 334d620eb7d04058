namespace Bot.Broadcasts.Audience;

/// <summary>Narrows a broadcast to the members of one plan or one unit (who registered where is the pledges' knowledge).</summary>
public interface IAudienceFilter
{
    /// <summary>False while nobody has registered: the officer is then only offered groups and members.</summary>
    bool Available { get; }

    /// <summary>Units named in registrations, the most common first (for the officer to pick from).</summary>
    IReadOnlyList<string> Units();

    /// <summary>Private chats ("channel:chatId") of members registered for the plan and/or in the unit.</summary>
    IReadOnlySet<string> PrivateChats(string? planId, string? unit);
}
