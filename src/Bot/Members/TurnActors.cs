using Bot.Members;
using Bot.Conversations;

namespace Bot.Members;

/// <summary>The actor of a chat turn in the member's language, for the use-case services.</summary>
public sealed class TurnActors(Actors actors, Say say)
{
    public async Task<Actor> OfAsync(ITurnContext turn, CancellationToken ct)
    {
        var actor = actors.Of(turn.Activity, await say.LanguageAsync(turn, ct));
        // The name is what reports show ("stopped by …"); the id stands in when the platform gave none.
        return actor.Name.Trim().Length > 0 ? actor : actor with { Name = actor.UserId };
    }
}
