using Bot.Members;

namespace Bot.Audience;

/// <summary>A member who asks to be forgotten leaves the directory: their private chat's record is deleted (groups stay).</summary>
public sealed class AudienceMemberData(IChatDirectory chats) : IMemberDataOwner
{
    // On Telegram and Zalo a member's private chat id is their user id.
    public async Task<int> EraseAsync(MemberRef member, CancellationToken cancellationToken) =>
        await chats.ForgetAsync(member.Channel, member.UserId, cancellationToken) ? 1 : 0;
}
