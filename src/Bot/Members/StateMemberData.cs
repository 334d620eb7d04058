using Bot.Builder.State;

namespace Bot.Members;

/// <summary>
/// The member's conversation state: User scope, Member scope in every chat of the channel the bot knows, and their
/// private chat's conversation scope (what they typed into forms lives there).
/// </summary>
public sealed class StateMemberData(IStateStore store) : IMemberDataOwner
{
    public async Task<int> EraseAsync(MemberRef member, CancellationToken cancellationToken)
    {
        var self = new Activity { Channel = member.Channel, UserId = member.UserId, ChatId = member.UserId };
        var keys = member.ChatIds.Select(id => StateKeys.For(StateScope.Member, self with { ChatId = id }))
            .Append(StateKeys.For(StateScope.User, self))
            .Append(StateKeys.For(StateScope.Conversation, self))
            .Distinct();
        var erased = 0;
        foreach (var key in keys)
        {
            if (await store.ReadAsync(key, cancellationToken) is null) continue;
            await store.DeleteAsync(key, cancellationToken);
            erased++;
        }
        return erased;
    }
}
