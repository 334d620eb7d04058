namespace Bot.Members;

/// <summary>
/// Who asks a use case to do something, whatever the front end (a chat turn, the web dashboard, a scheduled job).
/// Use cases check rights against this on the server, for every call.
/// </summary>
public sealed record Actor(string Channel, string UserId, string Name, string Language, IReadOnlyList<OfficerRole> Roles)
{
    /// <summary>The bot itself (scheduled kickoffs, digests): may do what any officer may.</summary>
    public static Actor System { get; } = new("system", "bot", "bot", "vi", [new OfficerRole("system", "bot", null)]);

    public bool IsOfficer => Roles.Count > 0;

    /// <summary>An officer of every plan, or of this one.</summary>
    public bool IsOfficerOf(string planId) => Roles.Any(r => r.PlanId is null || r.PlanId == planId);

    /// <summary>"channel:userId", as officers are written in settings and audit lines.</summary>
    public string Key => $"{Channel}:{UserId}";
}

/// <summary>An officer of one plan, or of every plan when <see cref="PlanId"/> is null.</summary>
public sealed record OfficerRole(string Channel, string UserId, string? PlanId);

/// <summary>Raised by a use case when the actor may not do what was asked. Front ends answer it politely.</summary>
public sealed class NotAllowedException(string what) : Exception($"Not allowed: {what}.");
