using Bot.Members;

namespace Bot.Broadcasts.Outbox;

/// <summary>Broadcast reports keep a recipient's name for a while; a member who asked to be forgotten is anonymised there.</summary>
public sealed class BroadcastMemberData(IBroadcastStore store) : IMemberDataOwner
{
    public Task<int> EraseAsync(MemberRef member, CancellationToken cancellationToken) =>
        store.AnonymiseRecipientAsync(member.Channel, [.. member.ChatIds.Append(member.UserId)], cancellationToken);
}
