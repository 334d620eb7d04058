using Bot.Members;

namespace Bot.Broadcasts;

/// <summary>The server-side check every broadcast and schedule use case starts with.</summary>
internal static class Rights
{
    public static void RequireOfficer(Actor actor, string what)
    {
        if (!actor.IsOfficer) throw new NotAllowedException(what);
    }
}
