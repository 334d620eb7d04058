using Bot.Conversations;
using Bot.Members;

namespace Bot.Broadcasts;

/// <summary>
/// The actor of a chat turn, for the use-case services. Until officer roles are data, an officer listed in
/// Officers:Users is an officer of every plan.
/// </summary>
public sealed class TurnActors(Officers officers, Say say)
{
    public async Task<Actor> OfAsync(ITurnContext turn, CancellationToken ct)
    {
        var a = turn.Activity;
        // The name is what reports show ("stopped by …"); the id stands in when the platform gave none.
        var name = a.UserName.Trim().Length > 0 ? a.UserName : a.UserId;
        IReadOnlyList<OfficerRole> roles = officers.IsOfficer(a) ? [new OfficerRole(a.Channel, a.UserId, null)] : [];
        return new Actor(a.Channel, a.UserId, name, await say.LanguageAsync(turn, ct), roles);
    }
}

internal static class Rights
{
    public static void RequireOfficer(Actor actor, string what)
    {
        if (!actor.IsOfficer) throw new NotAllowedException(what);
    }
}
