using Bot.Members;

namespace Bot.Web.Chat;

/// <summary>A web visitor who asks to be forgotten (/xoadulieu) loses the page's copy of the conversation too.</summary>
public sealed class WebChatMemberData(WebTranscripts transcripts) : IMemberDataOwner
{
    public Task<int> EraseAsync(MemberRef member, CancellationToken cancellationToken)
    {
        if (member.Channel != WebConnector.Name) return Task.FromResult(0);
        var erased = member.ChatIds.Append(member.UserId).Distinct().Count(transcripts.Remove);
        return Task.FromResult(erased);
    }
}
