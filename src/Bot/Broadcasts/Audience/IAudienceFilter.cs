namespace Bot.Broadcasts.Audience;

/// <summary>Narrows a broadcast to the members of one plan or one unit (who registered where is the pledges' knowledge).</summary>
public interface IAudienceFilter
{
    /// <summary>False while nobody has registered: the officer is then only offered groups and members.</summary>
    Task<bool> AvailableAsync(CancellationToken cancellationToken = default);

    /// <summary>Units named in registrations, the most common first (for the officer to pick from).</summary>
    Task<IReadOnlyList<string>> UnitsAsync(CancellationToken cancellationToken = default);

    /// <summary>Private chats ("channel:chatId") of members registered for the plan and/or in the unit.</summary>
    Task<IReadOnlySet<string>> PrivateChatsAsync(string? planId, string? unit, CancellationToken cancellationToken = default);
}
