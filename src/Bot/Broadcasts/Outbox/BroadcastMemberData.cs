using Bot.Members;

namespace Bot.Broadcasts.Outbox;

/// <summary>Broadcast reports keep a recipient's name for a while; a member who asked to be forgotten is anonymised there.</summary>
public sealed class BroadcastMemberData(IBroadcastStore store) : IMemberDataOwner
{
    // Only the member's private chat (its id is the user id): the other chats of the MemberRef are groups and other
    // members' private chats, whose names are not this member's data.
    public Task<int> EraseAsync(MemberRef member, CancellationToken cancellationToken) =>
        store.AnonymiseRecipientAsync(member.Channel, [member.UserId], cancellationToken);
}
