using Bot.Members;

namespace Bot.Pledges;

/// <summary>A member who asks to be forgotten loses every pledge, whatever its status.</summary>
public sealed class PledgeMemberData(IPledgeStore pledges) : IMemberDataOwner
{
    public Task<int> EraseAsync(MemberRef member, CancellationToken cancellationToken) =>
        pledges.DeleteMemberAsync(member.Channel, member.UserId, cancellationToken);
}
